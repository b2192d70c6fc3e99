"""Task records written straight into a real history database, for history and spend tests."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Any

from gui.core.library import Library, ResultImage, TaskRecord, TaskStatus


def prompt_body(model: str, prompt: str, n: int | None = None) -> dict[str, Any]:
    """Return a request body in the legacy ``input.prompt`` style."""
    parameters: dict[str, Any] = {"size": "1024*1024"}
    if n is not None:
        parameters["n"] = n
    return {"model": model, "input": {"prompt": prompt}, "parameters": parameters}


def add_task(
    library: Library,
    *,
    model: str = "wanx2.1-t2i-turbo",
    region: str = "beijing",
    prompt: str = "A lighthouse",
    status: TaskStatus = TaskStatus.SUCCEEDED,
    created: datetime | None = None,
    images: int = 0,
    failed_images: int = 0,
    n: int | None = None,
    task_id: str | None = None,
) -> TaskRecord:
    """Save a task with ``images`` produced and ``failed_images`` failed slots."""
    record = library.new_task(
        model=model,
        region=region,
        mode="async",
        path="services/aigc/text2image/image-synthesis",
        body=prompt_body(model, prompt, n),
    )
    created_at = (created or datetime.now()).timestamp()
    results = [
        ResultImage(index=i, url=f"https://example.invalid/{i}.png") for i in range(images)
    ] + [
        ResultImage(index=images + i, error_code="DataInspectionFailed", error_message="x")
        for i in range(failed_images)
    ]
    record = replace(
        record,
        created_at=created_at,
        status=status,
        task_id=task_id,
        results=tuple(results),
        finished_at=created_at + 5 if status.is_terminal else None,
    )
    return library.save_task(record)
