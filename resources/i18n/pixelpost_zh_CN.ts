<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name />
    <message>
        <location filename="../../gui/widgets/form.py" line="123" />
        <location filename="../../gui/widgets/form.py" line="311" />
        <source>This limit is not confirmed by the official documentation.</source>
        <translation>该限制未经官方文档确认。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/form.py" line="126" />
        <source>Service default: {value}</source>
        <translation>服务端默认值：{value}</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/form.py" line="128" />
        <source>One image URL per line.</source>
        <translation>每行一个图片 URL。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/form.py" line="130" />
        <source>Enter JSON, for example [] or {}.</source>
        <translation>请输入 JSON，例如 [] 或 {}。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/form.py" line="135" />
        <location filename="../../gui/widgets/form.py" line="149" />
        <location filename="../../gui/widgets/form.py" line="154" />
        <source>Service default</source>
        <translation>服务端默认</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/form.py" line="150" />
        <source>On</source>
        <translation>开启</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/form.py" line="151" />
        <source>Off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/form.py" line="257" />
        <source>{count} / {maximum} characters</source>
        <translation>{count} / {maximum} 字符</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/form.py" line="265" />
        <source>on</source>
        <translation>开启</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/form.py" line="265" />
        <source>off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="123" />
        <source>API keys</source>
        <translation>API 密钥</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="124" />
        <location filename="../../gui/widgets/main_window.py" line="814" />
        <source>&amp;Region</source>
        <translation>地域(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="125" />
        <location filename="../../gui/widgets/main_window.py" line="815" />
        <source>Region</source>
        <translation>地域</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="126" />
        <source>Stored key</source>
        <translation>已保存的密钥</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="127" />
        <source>&amp;New key</source>
        <translation>新密钥(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="128" />
        <source>New API key</source>
        <translation>新的 API 密钥</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="129" />
        <source>Paste the key from the Model Studio console</source>
        <translation>粘贴百炼控制台中的 API 密钥</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="130" />
        <source>Use DASHSCOPE_API_KEY</source>
        <translation>使用 DASHSCOPE_API_KEY</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="131" />
        <source>Use the key from the DASHSCOPE_API_KEY variable</source>
        <translation>使用环境变量 DASHSCOPE_API_KEY 中的密钥</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="132" />
        <location filename="../../gui/widgets/key_dialog.py" line="182" />
        <source>Delete key</source>
        <translation>删除密钥</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="133" />
        <source>Delete the stored key</source>
        <translation>删除已保存的密钥</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="134" />
        <source>Test key</source>
        <translation>测试密钥</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="136" />
        <source>Test the new key, or the stored one, with one harmless request</source>
        <translation>用一次无副作用的请求测试新密钥或已保存的密钥</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="138" />
        <location filename="../../gui/widgets/limits_dialog.py" line="133" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="141" />
        <source>Keys are kept in the system key store ({backend}).</source>
        <translation>密钥保存在系统密钥库中（{backend}）。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="148" />
        <source>No system key store is available ({backend}). Keys are kept for this session only and are never written to a file. On Windows they would go to the Credential Manager.</source>
        <translation>没有可用的系统密钥库（{backend}）。密钥仅在本次运行期间保留在内存中，绝不会写入文件。在 Windows 上，密钥会保存到“凭据管理器”。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="161" />
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="164" />
        <source>{fingerprint} (this session only)</source>
        <translation>{fingerprint}（仅本次运行）</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="215" />
        <source>Paste a key, or save one for this region, to test it.</source>
        <translation>请粘贴密钥，或为该地域保存一个密钥，再进行测试。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="224" />
        <source>Testing the key…</source>
        <translation>正在测试密钥…</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="234" />
        <source>The key works in {region}.</source>
        <translation>该密钥在{region}可用。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="239" />
        <source>{region} rejects the key, but {other} accepts it: the key was created in {other}. Save it for {other}, or create a key in {region}.</source>
        <translation>{region}不接受该密钥，但{other}接受：该密钥是在{other}创建的。请把它保存到{other}，或在{region}创建一个密钥。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="246" />
        <source>{region} rejects the key. Check that it was copied whole and has not been deleted in the Model Studio console.</source>
        <translation>{region}不接受该密钥。请确认密钥复制完整，且未在百炼控制台中被删除。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="252" />
        <source>The test could not finish: {code}.</source>
        <translation>测试未能完成：{code}。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/import_dialog.py" line="69" />
        <source>Import a curl command</source>
        <translation>导入 curl 命令</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/import_dialog.py" line="71" />
        <source>Paste a curl command, as copied from the documentation, a browser or a chat.</source>
        <translation>粘贴从文档、浏览器或聊天中复制的 curl 命令。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/import_dialog.py" line="73" />
        <source>curl command</source>
        <translation>curl 命令</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/import_dialog.py" line="74" />
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/import_dialog.py" line="75" />
        <source>Open the command as a request</source>
        <translation>把该命令作为请求打开</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/import_dialog.py" line="77" />
        <source>Close the import dialog</source>
        <translation>关闭导入对话框</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/import_dialog.py" line="85" />
        <source>The command could not be read: {problem}</source>
        <translation>无法解析该命令：{problem}</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/import_dialog.py" line="90" />
        <source>Imported {method} {path}.</source>
        <translation>已导入 {method} {path}。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/import_dialog.py" line="95" />
        <source>The command contains an API key. It is not kept in the request, history or logs; save it in the key store if you want to use it.</source>
        <translation>该命令中包含 API 密钥。密钥不会保留在请求、历史或日志中；如需使用，请把它保存到密钥库。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/import_dialog.py" line="100" />
        <source>Save the key for {region}</source>
        <translation>为{region}保存密钥</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/import_dialog.py" line="104" />
        <source>Save the pasted key in the key store</source>
        <translation>把粘贴的密钥保存到密钥库</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/import_dialog.py" line="122" />
        <location filename="../../gui/widgets/key_dialog.py" line="199" />
        <source>Saved {fingerprint} for {region}.</source>
        <translation>已为{region}保存 {fingerprint}。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="270" />
        <source>Deleted the key for {region}.</source>
        <translation>已删除{region}的密钥。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="278" />
        <source>Click again to delete</source>
        <translation>再次点击以删除</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="283" />
        <source>The key is empty. Paste the API key from the Model Studio console.</source>
        <translation>密钥为空。请粘贴百炼控制台中的 API 密钥。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="286" />
        <source>The key has {length} characters; API keys are shorter than {maximum}. Check that only the key was copied.</source>
        <translation>密钥有 {length} 个字符，而 API 密钥不会超过 {maximum} 个字符。请确认只复制了密钥本身。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="290" />
        <source>Character {position} of the key is {code_point}, which an API key cannot contain. Copy the key again from the Model Studio console.</source>
        <translation>密钥的第 {position} 个字符是 {code_point}，API 密钥中不会出现这个字符。请从百炼控制台重新复制密钥。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="402" />
        <location filename="../../gui/widgets/main_window.py" line="418" />
        <location filename="../../gui/widgets/main_window.py" line="425" />
        <location filename="../../gui/widgets/main_window.py" line="472" />
        <source>Not sent: {problem}</source>
        <translation>未发送：{problem}</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="454" />
        <location filename="../../gui/widgets/task_panel.py" line="160" />
        <source>No API key is set for {region}. Add one to send requests there.</source>
        <translation>{region}尚未设置 API 密钥。请先添加密钥再向该地域发送请求。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/task_panel.py" line="122" />
        <source>Task canceled.</source>
        <translation>任务已取消。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/task_panel.py" line="127" />
        <source>The task is already running and cannot be canceled: the service cancels only tasks that are still PENDING. It will finish and be billed as usual.</source>
        <translation>任务已在运行，无法取消：服务端只能取消仍处于 PENDING 状态的任务。该任务会正常完成并照常计费。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/task_panel.py" line="134" />
        <source>The task cannot be canceled: {reason}</source>
        <translation>无法取消该任务：{reason}</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/task_panel.py" line="138" />
        <source>Canceling failed: {code} {message}</source>
        <translation>取消失败：{code} {message}</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/task_panel.py" line="153" />
        <source>Paste a task ID to track a task submitted elsewhere.</source>
        <translation>粘贴任务 ID，即可跟踪在其他地方提交的任务。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/task_panel.py" line="167" />
        <source>Tracking task {id}.</source>
        <translation>正在跟踪任务 {id}。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="480" />
        <source>{model} is not offered in {region}. Regions that offer it: {regions}.</source>
        <translation>{region}不提供 {model}。提供该模型的地域：{regions}。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="519" />
        <source>Task (async)</source>
        <translation>任务（异步）</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="519" />
        <source>Direct call (sync)</source>
        <translation>直接调用（同步）</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="638" />
        <source>Header X-DashScope-Async: enable; the result is polled.</source>
        <translation>请求头 X-DashScope-Async: enable；结果通过轮询获取。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/batch_dialog.py" line="100" />
        <source>Batch: {model}</source>
        <translation>批量生成：{model}</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/batch_dialog.py" line="102" />
        <source>A .txt file with one prompt per line, or a .csv file with a column per field</source>
        <translation>每行一个提示词的 .txt 文件，或每列一个字段的 .csv 文件</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/batch_dialog.py" line="104" />
        <source>Batch file</source>
        <translation>批量文件</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/batch_dialog.py" line="105" />
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/batch_dialog.py" line="106" />
        <source>Choose the batch file</source>
        <translation>选择批量文件</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/batch_dialog.py" line="107" />
        <source>Start batch</source>
        <translation>开始批量生成</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/batch_dialog.py" line="108" />
        <source>Submit every valid row</source>
        <translation>提交所有有效的行</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/batch_dialog.py" line="109" />
        <location filename="../../gui/widgets/import_dialog.py" line="76" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/batch_dialog.py" line="110" />
        <source>Close the batch dialog</source>
        <translation>关闭批量生成对话框</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/batch_dialog.py" line="111" />
        <source>Batch progress</source>
        <translation>批量生成进度</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/batch_dialog.py" line="127" />
        <source>{valid} of {total} rows are ready: {images} images.</source>
        <translation>{total} 行中有 {valid} 行可以发送，共 {images} 张图片。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/batch_dialog.py" line="133" />
        <source>Estimated cost: ¥{cost:.2f} at the catalog price.</source>
        <translation>按目录价格估算费用：¥{cost:.2f}。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/batch_dialog.py" line="136" />
        <location filename="../../gui/widgets/main_window.py" line="643" />
        <source>Sandbox requests are free and stay on this computer.</source>
        <translation>沙盒请求不收费，且不会离开本机。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/batch_dialog.py" line="143" />
        <source>Line {line} is skipped: {problem}</source>
        <translation>第 {line} 行将被跳过：{problem}</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/batch_dialog.py" line="166" />
        <source>Line {line} was not sent: {problem}</source>
        <translation>第 {line} 行未发送：{problem}</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/batch_dialog.py" line="191" />
        <source>Batch finished: {succeeded} of {total} tasks succeeded.</source>
        <translation>批量生成完成：{total} 个任务中 {succeeded} 个成功。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/batch_dialog.py" line="206" />
        <source>Choose a batch file</source>
        <translation>选择批量文件</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/batch_dialog.py" line="207" />
        <source>Prompt lists (*.txt *.csv)</source>
        <translation>提示词列表 (*.txt *.csv)</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/batch_dialog.py" line="207" />
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="646" />
        <source>Price in {region}: ¥{price:g} per image; this request up to ¥{total:.2f}.</source>
        <translation>{region}价格：每张 ¥{price:g}；本次请求最多 ¥{total:.2f}。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="656" />
        <source>Free quota: {count} images in Beijing, shared by the whole account.</source>
        <translation>免费额度：北京地域 {count} 张，由整个账号共享。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="324" />
        <source>(retired)</source>
        <translation>（已下线）</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="423" />
        <source>the model {model} is not in the catalog; check the "model" member.</source>
        <translation>模型目录中没有 {model}，请检查 "model" 字段。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="535" />
        <source>The model {model} is not in the catalog. Check the id, or pick one from the list.</source>
        <translation>模型目录中没有 {model}。请检查模型 ID，或从列表中选择。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="565" />
        <source>The model {model} is not in the catalog; the form cannot show it.</source>
        <translation>模型目录中没有 {model}，表单无法显示它。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="595" />
        <source>{model} was retired on {date}; the service no longer accepts it.</source>
        <translation>{model} 已于 {date} 下线，服务端不再接受该模型的请求。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="599" />
        <source>Use {model}</source>
        <translation>改用 {model}</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="605" />
        <source>Switch to {region}</source>
        <translation>切换到{region}</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="664" />
        <source>Limits: {rate:g} task submissions per second, {running} running at once.</source>
        <translation>限流：每秒提交 {rate:g} 个任务，同时运行 {running} 个。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="706" />
        <source>Choose a model this region offers before starting a batch.</source>
        <translation>开始批量生成前，请选择当前地域提供的模型。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="735" />
        <source>Copied the request as {format}; the key is read from DASHSCOPE_API_KEY.</source>
        <translation>已把请求复制为 {format}；密钥从 DASHSCOPE_API_KEY 读取。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="754" />
        <source>The imported command has no JSON body to open as a request.</source>
        <translation>导入的命令没有可作为请求打开的 JSON 请求体。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="813" />
        <source>PixelPost — Model Studio image APIs</source>
        <translation>PixelPost — 百炼图像 API</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="816" />
        <source>&amp;Model</source>
        <translation>模型(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="817" />
        <location filename="../../gui/widgets/task_list.py" line="125" />
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="818" />
        <source>M&amp;ode</source>
        <translation>调用方式(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="819" />
        <source>Call mode</source>
        <translation>调用方式</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="820" />
        <location filename="../../gui/widgets/main_window.py" line="867" />
        <source>Import curl…</source>
        <translation>导入 curl…</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="821" />
        <source>Open a pasted curl command as a request</source>
        <translation>把粘贴的 curl 命令作为请求打开</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="823" />
        <source>Show or hide the HTTP inspector (Ctrl+I)</source>
        <translation>显示或隐藏 HTTP 检查器（Ctrl+I）</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="824" />
        <source>API &amp;keys…</source>
        <translation>API 密钥(&amp;K)…</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="825" />
        <source>Manage API keys</source>
        <translation>管理 API 密钥</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="826" />
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="829" />
        <source>Show retired</source>
        <translation>显示已下线</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="830" />
        <source>Show retired models</source>
        <translation>显示已下线的模型</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="831" />
        <source>Form</source>
        <translation>表单</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="832" />
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="833" />
        <source>Request editor</source>
        <translation>请求编辑器</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="864" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="865" />
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="866" />
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="868" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="869" />
        <source>API keys…</source>
        <translation>API 密钥…</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/task_panel.py" line="83" />
        <source>Cancel task</source>
        <translation>取消任务</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/task_panel.py" line="84" />
        <source>Cancel the selected task</source>
        <translation>取消所选任务</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/task_panel.py" line="86" />
        <source>Send the selected task's request again</source>
        <translation>重新发送所选任务的请求</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/task_panel.py" line="87" />
        <source>Task ID submitted elsewhere</source>
        <translation>在其他地方提交的任务 ID</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/task_panel.py" line="88" />
        <source>Task ID to track</source>
        <translation>要跟踪的任务 ID</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/task_panel.py" line="89" />
        <source>Track</source>
        <translation>跟踪</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/task_panel.py" line="90" />
        <source>Track the task with this ID</source>
        <translation>跟踪此 ID 对应的任务</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="836" />
        <source>Edit limits…</source>
        <translation>编辑限流…</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="837" />
        <source>Edit this model's account limits</source>
        <translation>编辑此模型的账号限流</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="838" />
        <source>Copy as…</source>
        <translation>复制为…</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="839" />
        <source>Copy this request as a command or script</source>
        <translation>把此请求复制为命令或脚本</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="841" />
        <source>bash curl</source>
        <translation>bash curl</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="849" />
        <source>&amp;Batch…</source>
        <translation>批量(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="850" />
        <source>Send this form with many prompts</source>
        <translation>用多个提示词发送此表单</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="851" />
        <source>&amp;Send (Ctrl+Enter)</source>
        <translation>发送(&amp;S)（Ctrl+Enter）</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="852" />
        <source>Send request</source>
        <translation>发送请求</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="82" />
        <source>Submit</source>
        <translation>提交</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="83" />
        <source>Direct call</source>
        <translation>直接调用</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="84" />
        <source>Status query</source>
        <translation>状态查询</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="85" />
        <source>Download</source>
        <translation>下载</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="86" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="87" />
        <location filename="../../gui/widgets/task_panel.py" line="82" />
        <source>Task list</source>
        <translation>任务列表</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="95" />
        <source>{value} ms</source>
        <translation>{value} 毫秒</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="101" />
        <source>No response</source>
        <translation>无响应</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="110" />
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="111" />
        <source>{count} bytes</source>
        <translation>{count} 字节</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="224" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="224" />
        <location filename="../../gui/widgets/inspector.py" line="847" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="224" />
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="224" />
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="224" />
        <source>Duration</source>
        <translation>耗时</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="257" />
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="502" />
        <source>Reading the exchange history failed: {reason}</source>
        <translation>读取请求记录历史失败：{reason}</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="507" />
        <source>Loaded {count} earlier exchanges from the history.</source>
        <translation>已从历史中载入 {count} 条较早的请求记录。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="554" />
        <source>Select an exchange to see its details.</source>
        <translation>选择一条请求记录以查看详情。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="622" />
        <source>Request ID: quote it when you contact support.</source>
        <translation>请求 ID：联系技术支持时请提供。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="623" />
        <source>Timing header set by the service.</source>
        <translation>服务端设置的计时响应头。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="624" />
        <source>Trace header set by the service.</source>
        <translation>服务端设置的追踪响应头。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="637" />
        <source>(no body)</source>
        <translation>（无请求体）</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="639" />
        <source>({count} bytes of binary data)</source>
        <translation>（{count} 字节的二进制数据）</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="644" />
        <source>Image body not stored ({size}).</source>
        <translation>未保存图片内容（{size}）。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="650" />
        <source>Only the first {stored} of {size} bytes were stored.</source>
        <translation>仅保存了 {size} 字节中的前 {stored} 字节。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="657" />
        <source>The request has no body.</source>
        <translation>该请求没有请求体。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="660" />
        <source>Encoding: UTF-8, {count} bytes. Non-ASCII characters take 2 to 4 bytes each; the escaped view writes them as \xNN.</source>
        <translation>编码：UTF-8，共 {count} 字节。每个非 ASCII 字符占 2 到 4 个字节；转义视图将其写为 \xNN。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="665" />
        <source>Encoding: not valid UTF-8, {count} bytes.</source>
        <translation>编码：不是有效的 UTF-8，共 {count} 字节。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="676" />
        <source>All tasks</source>
        <translation>全部任务</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="678" />
        <source>Without a task</source>
        <translation>不属于任务</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="705" />
        <source>{shown} of {total} exchanges</source>
        <translation>显示 {shown} / 共 {total} 条请求记录</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="717" />
        <source>This exchange has no request ID.</source>
        <translation>这条请求记录没有请求 ID。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="720" />
        <source>Copied the request ID {id}.</source>
        <translation>已复制请求 ID {id}。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="734" />
        <source>Cannot export: {reason}</source>
        <translation>无法导出：{reason}</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="739" />
        <source>Copied the {format} script to the clipboard. It reads the key from the DASHSCOPE_API_KEY environment variable.</source>
        <translation>已将 {format} 脚本复制到剪贴板。脚本从环境变量 DASHSCOPE_API_KEY 读取密钥。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="749" />
        <source>Save HAR file</source>
        <translation>保存 HAR 文件</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="752" />
        <source>HAR files (*.har)</source>
        <translation>HAR 文件 (*.har)</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="771" />
        <source>Saving {path} failed: {reason}</source>
        <translation>保存 {path} 失败：{reason}</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="775" />
        <source>Saved {count} exchanges to {path}.</source>
        <translation>已将 {count} 条请求记录保存到 {path}。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="780" />
        <source>Choose a folder for the scripts</source>
        <translation>选择保存脚本的文件夹</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="807" />
        <source>Saving to {folder} failed: {reason}</source>
        <translation>保存到 {folder} 失败：{reason}</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="812" />
        <source>Saved {count} files to {folder}.</source>
        <translation>已将 {count} 个文件保存到 {folder}。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="816" />
        <source>Not possible for this exchange: {formats}.</source>
        <translation>这条请求记录无法导出为：{formats}。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="830" />
        <source>&amp;Task:</source>
        <translation>任务(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="831" />
        <source>Show the exchanges of</source>
        <translation>显示以下任务的请求记录</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="832" />
        <source>Selected task o&amp;nly</source>
        <translation>仅所选任务(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="833" />
        <source>Show only the selected task</source>
        <translation>仅显示所选任务</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="834" />
        <source>&amp;Load history</source>
        <translation>载入历史(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="835" />
        <source>Load exchanges of earlier sessions</source>
        <translation>载入以前会话的请求记录</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="836" />
        <source>Recorded exchanges</source>
        <translation>已记录的请求</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="838" />
        <source>Exchange details</source>
        <translation>请求详情</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="839" />
        <source>Summary</source>
        <translation>概要</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="840" />
        <location filename="../../gui/widgets/inspector.py" line="844" />
        <source>Request</source>
        <translation>请求</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="841" />
        <source>Request bytes</source>
        <translation>请求字节</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="842" />
        <source>Response</source>
        <translation>响应</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="846" />
        <source>Request ID</source>
        <translation>请求 ID</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="848" />
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="849" />
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="850" />
        <source>Time to headers</source>
        <translation>收到响应头用时</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="851" />
        <source>Total time</source>
        <translation>总用时</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="852" />
        <location filename="../../gui/widgets/inspector.py" line="866" />
        <source>Request body</source>
        <translation>请求体</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="853" />
        <location filename="../../gui/widgets/inspector.py" line="869" />
        <source>Response body</source>
        <translation>响应体</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="854" />
        <source>Service timing</source>
        <translation>服务端计时</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="861" />
        <source>Header</source>
        <translation>响应头</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="861" />
        <location filename="../../gui/widgets/preview.py" line="264" />
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="864" />
        <source>Request headers</source>
        <translation>请求头</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="865" />
        <source>Response headers</source>
        <translation>响应头</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="867" />
        <source>Request body bytes in hexadecimal</source>
        <translation>请求体字节（十六进制）</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="868" />
        <source>Request body bytes, escaped</source>
        <translation>请求体字节（转义）</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="871" />
        <source>Copy request &amp;ID</source>
        <translation>复制请求 ID(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="872" />
        <source>Copy the request ID</source>
        <translation>复制请求 ID</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="874" />
        <source>Copy as &amp;bash</source>
        <translation>复制为 bash(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="874" />
        <source>bash (curl)</source>
        <translation>bash（curl）</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="875" />
        <source>Copy as &amp;cmd</source>
        <translation>复制为 cmd(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="875" />
        <location filename="../../gui/widgets/main_window.py" line="842" />
        <source>cmd.exe (curl.exe)</source>
        <translation>cmd.exe（curl.exe）</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="876" />
        <source>Copy as Po&amp;werShell</source>
        <translation>复制为 PowerShell(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="876" />
        <location filename="../../gui/widgets/main_window.py" line="843" />
        <source>PowerShell</source>
        <translation>PowerShell</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="877" />
        <source>Copy as P&amp;ython</source>
        <translation>复制为 Python(&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="877" />
        <location filename="../../gui/widgets/main_window.py" line="844" />
        <source>Python (httpx)</source>
        <translation>Python（httpx）</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="878" />
        <source>Copy as S&amp;DK</source>
        <translation>复制为 SDK(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="878" />
        <location filename="../../gui/widgets/main_window.py" line="845" />
        <source>Python (dashscope SDK)</source>
        <translation>Python（dashscope SDK）</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="884" />
        <source>Copy as {format} script</source>
        <translation>复制为 {format} 脚本</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="886" />
        <source>Save &amp;HAR…</source>
        <translation>保存 HAR(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="887" />
        <source>Save the selected exchanges as a HAR file</source>
        <translation>将所选请求记录保存为 HAR 文件</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="889" />
        <source>Saves the selected rows, or every listed exchange when no row is selected.</source>
        <translation>保存所选的行；未选择任何行时保存列表中的全部请求记录。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="891" />
        <source>Save scripts to &amp;folder…</source>
        <translation>将脚本保存到文件夹(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="892" />
        <source>Save every script for this exchange</source>
        <translation>保存这条请求记录的全部脚本</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="893" />
        <source>Inspector messages</source>
        <translation>检查器消息</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="894" />
        <source>Number of exchanges</source>
        <translation>请求记录数量</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="934" />
        <location filename="../../gui/widgets/inspector.py" line="935" />
        <location filename="../../gui/widgets/main_window.py" line="822" />
        <source>HTTP inspector</source>
        <translation>HTTP 检查器</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="936" />
        <source>HTTP &amp;inspector (Ctrl+I)</source>
        <translation>HTTP 检查器(&amp;I) (Ctrl+I)</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="853" />
        <location filename="../../gui/widgets/preview.py" line="263" />
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="854" />
        <source>Endpoint and price</source>
        <translation>接口与价格</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/preview.py" line="107" />
        <location filename="../../gui/widgets/preview.py" line="108" />
        <source>Copy request ID</source>
        <translation>复制请求 ID</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/preview.py" line="117" />
        <source>Likely cause: {text}</source>
        <translation>可能原因：{text}</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/preview.py" line="118" />
        <source>What to do: {text}</source>
        <translation>解决办法：{text}</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/preview.py" line="128" />
        <source>Request ID: {id}</source>
        <translation>请求 ID：{id}</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/preview.py" line="154" />
        <source>Open key manager</source>
        <translation>打开密钥管理</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/preview.py" line="155" />
        <source>Switch region</source>
        <translation>切换地域</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/preview.py" line="156" />
        <source>Use task mode</source>
        <translation>改用任务模式</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/preview.py" line="157" />
        <source>Use sync mode</source>
        <translation>改用同步调用</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/preview.py" line="158" />
        <location filename="../../gui/widgets/preview.py" line="159" />
        <location filename="../../gui/widgets/task_panel.py" line="85" />
        <source>Send again</source>
        <translation>重新发送</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/preview.py" line="160" />
        <source>Edit request</source>
        <translation>修改请求</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/preview.py" line="246" />
        <source>Cannot show {file}</source>
        <translation>无法显示 {file}</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/preview.py" line="257" />
        <source>Result image {number}</source>
        <translation>结果图片 {number}</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/preview.py" line="264" />
        <source>Member</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/preview.py" line="265" />
        <source>Response output</source>
        <translation>响应输出</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/preview.py" line="272" />
        <source>Select a task to see its images.</source>
        <translation>选择一个任务以查看其图片。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/preview.py" line="274" />
        <source>Prompt: {text}</source>
        <translation>提示词：{text}</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/preview.py" line="278" />
        <source>Rewritten prompt: {text}</source>
        <translation>改写后的提示词：{text}</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/preview.py" line="280" />
        <source>Task ID: {id}</source>
        <translation>任务 ID：{id}</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/preview.py" line="284" />
        <source>Image {number} failed: {code} {message}</source>
        <translation>第 {number} 张图片失败：{code} {message}</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/preview.py" line="292" />
        <source>Saved: {path}</source>
        <translation>已保存：{path}</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/preview.py" line="294" />
        <location filename="../../gui/widgets/task_list.py" line="155" />
        <source>Saving images…</source>
        <translation>正在保存图片…</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="224" />
        <location filename="../../gui/widgets/inspector.py" line="845" />
        <location filename="../../gui/widgets/task_list.py" line="125" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/task_list.py" line="40" />
        <source>Queued, position {position}</source>
        <translation>排队中，第 {position} 位</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/task_list.py" line="42" />
        <source>Waiting: the service limited requests ({code}); retrying in {seconds} s</source>
        <translation>等待中：服务端限制了请求频率（{code}），{seconds} 秒后重试</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/task_list.py" line="46" />
        <source>Retrying after {code}</source>
        <translation>因 {code} 正在重试</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/task_list.py" line="48" />
        <source>Tracked by task ID</source>
        <translation>按任务 ID 跟踪</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/task_list.py" line="50" />
        <source>Canceled before it was sent</source>
        <translation>发送前已取消</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/task_list.py" line="52" />
        <source>Found in the task list after the connection broke</source>
        <translation>连接中断后在任务列表中找到</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/task_list.py" line="54" />
        <source>Stopped checking; the task may still finish on the service</source>
        <translation>已停止查询；任务可能仍会在服务端完成</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/task_list.py" line="125" />
        <source>Prompt</source>
        <translation>提示词</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/task_list.py" line="125" />
        <source>Elapsed</source>
        <translation>耗时</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/task_list.py" line="125" />
        <source>Task ID</source>
        <translation>任务 ID</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/task_list.py" line="158" />
        <source>Succeeded, {failed} of {total} failed</source>
        <translation>成功，{total} 张中 {failed} 张失败</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/task_list.py" line="173" />
        <source>{elapsed} (about {left} left)</source>
        <translation>{elapsed}（约剩 {left}）</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/texts.py" line="16" />
        <source>{field} is required; enter a value.</source>
        <translation>{field}为必填项，请输入。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/texts.py" line="18" />
        <source>{field}: {value} has the wrong type ({expected} expected).</source>
        <translation>{field}：{value} 的类型不正确（应为 {expected}）。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/texts.py" line="21" />
        <source>{field} has {length} characters; the maximum is {maximum}. Shorten it.</source>
        <translation>{field}有 {length} 个字符，上限为 {maximum}，请缩短。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/texts.py" line="26" />
        <source>{field}: {value} is below the minimum {minimum}; use {minimum} to {maximum}.</source>
        <translation>{field}：{value} 小于最小值 {minimum}，请使用 {minimum} 到 {maximum} 之间的值。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/texts.py" line="31" />
        <source>{field}: {value} is above the maximum {maximum}; use {minimum} to {maximum}.</source>
        <translation>{field}：{value} 大于最大值 {maximum}，请使用 {minimum} 到 {maximum} 之间的值。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/texts.py" line="35" />
        <source>{field}: {value} is not allowed; use one of {choices}.</source>
        <translation>{field}：不允许 {value}，请使用以下之一：{choices}。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/texts.py" line="38" />
        <source>{field}: {value} is not W*H; write the size with an asterisk, like 1024*1024.</source>
        <translation>{field}：{value} 不是“宽*高”格式，请用星号分隔，例如 1024*1024。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/texts.py" line="42" />
        <source>{field}: {value} is not offered by this model; use one of {choices}.</source>
        <translation>{field}：该模型不支持 {value}，请使用以下之一：{choices}。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/texts.py" line="45" />
        <source>{field}: {value} has a side outside {min_side} to {max_side} pixels; choose width and height in that range.</source>
        <translation>{field}：{value} 的宽或高超出 {min_side} 到 {max_side} 像素，请在此范围内选择宽和高。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/texts.py" line="50" />
        <source>{field}: {value} has {pixels} pixels; the total must be from {min_pixels} to {max_pixels} ({min_label} to {max_label}).</source>
        <translation>{field}：{value} 共 {pixels} 像素，总像素须在 {min_pixels} 到 {max_pixels} 之间（{min_label} 到 {max_label}）。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/texts.py" line="55" />
        <source>{field}: {value} has aspect ratio {ratio}; the ratio must be from {min_ratio_label} to {max_ratio_label}.</source>
        <translation>{field}：{value} 的宽高比为 {ratio}，宽高比须在 {min_ratio_label} 到 {max_ratio_label} 之间。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/texts.py" line="59" />
        <source>{field}: {value} is not an image URL; use one starting with {schemes}.</source>
        <translation>{field}：{value} 不是图片 URL，请使用以下开头的地址：{schemes}。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/texts.py" line="61" />
        <source>{field} has {count} items; use {minimum} to {maximum}.</source>
        <translation>{field}有 {count} 项，请使用 {minimum} 到 {maximum} 项。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/texts.py" line="81" />
        <source>Queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/texts.py" line="82" />
        <source>Submitting</source>
        <translation>提交中</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/texts.py" line="83" />
        <source>Pending</source>
        <translation>等待中</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/texts.py" line="84" />
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/texts.py" line="85" />
        <source>Suspended</source>
        <translation>已挂起</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/texts.py" line="86" />
        <source>Succeeded</source>
        <translation>成功</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/texts.py" line="87" />
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/texts.py" line="88" />
        <source>Canceled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/texts.py" line="89" />
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="855" />
        <location filename="../../gui/widgets/texts.py" line="90" />
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/raw_json.py" line="42" />
        <source>Request body as JSON</source>
        <translation>JSON 格式的请求体</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/raw_json.py" line="55" />
        <source>The JSON is invalid at line {line}, column {column}: {problem}.</source>
        <translation>JSON 在第 {line} 行第 {column} 列有误：{problem}。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/raw_json.py" line="60" />
        <source>The request body must be a JSON object ({…}).</source>
        <translation>请求体必须是 JSON 对象（{…}）。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/limits_dialog.py" line="112" />
        <source>Limits: {model}</source>
        <translation>限流：{model}</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/limits_dialog.py" line="116" />
        <source>The catalog lists {rate:g} submissions per second and {running} running tasks.</source>
        <translation>目录中的限制为每秒提交 {rate:g} 个任务、同时运行 {running} 个任务。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/limits_dialog.py" line="119" />
        <source>The catalog lists no limits for this model.</source>
        <translation>目录中没有该模型的限流信息。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/limits_dialog.py" line="125" />
        <source>Limits apply to the whole account, shared by all its keys. Set your account's own if Model Studio raised or lowered them; PixelPost queues requests beyond them.</source>
        <translation>限流作用于整个账号，由该账号的所有密钥共享。如果百炼调高或调低了您账号的限额，请在这里填写；超出限额的请求会在 PixelPost 中排队。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/limits_dialog.py" line="129" />
        <source>Task &amp;submissions per second</source>
        <translation>每秒提交任务数(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/limits_dialog.py" line="130" />
        <source>Task submissions per second</source>
        <translation>每秒提交任务数</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/limits_dialog.py" line="131" />
        <source>Tasks &amp;running at once (0 = no limit)</source>
        <translation>同时运行的任务数(&amp;R)（0 表示不限）</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/limits_dialog.py" line="132" />
        <source>Tasks running at once</source>
        <translation>同时运行的任务数</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/limits_dialog.py" line="134" />
        <location filename="../../gui/widgets/limits_dialog.py" line="135" />
        <source>Use the catalog's limits</source>
        <translation>使用目录中的限制</translation>
    </message>
</context>
</TS>