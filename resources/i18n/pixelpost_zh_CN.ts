<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name />
    <message>
        <location filename="../../gui/widgets/form.py" line="106" />
        <source>This limit is not confirmed by the official documentation.</source>
        <translation>该限制未经官方文档确认。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/form.py" line="109" />
        <source>Service default: {value}</source>
        <translation>服务端默认值：{value}</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/form.py" line="114" />
        <location filename="../../gui/widgets/form.py" line="128" />
        <location filename="../../gui/widgets/form.py" line="133" />
        <source>Service default</source>
        <translation>服务端默认</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/form.py" line="129" />
        <source>On</source>
        <translation>开启</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/form.py" line="130" />
        <source>Off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/form.py" line="204" />
        <source>{count} / {maximum} characters</source>
        <translation>{count} / {maximum} 字符</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/form.py" line="212" />
        <source>on</source>
        <translation>开启</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/form.py" line="212" />
        <source>off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="103" />
        <source>API keys</source>
        <translation>API 密钥</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="104" />
        <location filename="../../gui/widgets/main_window.py" line="405" />
        <source>&amp;Region</source>
        <translation>地域(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="105" />
        <location filename="../../gui/widgets/main_window.py" line="406" />
        <source>Region</source>
        <translation>地域</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="106" />
        <source>Stored key</source>
        <translation>已保存的密钥</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="107" />
        <source>&amp;New key</source>
        <translation>新密钥(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="108" />
        <source>New API key</source>
        <translation>新的 API 密钥</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="109" />
        <source>Paste the key from the Model Studio console</source>
        <translation>粘贴百炼控制台中的 API 密钥</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="110" />
        <source>Use DASHSCOPE_API_KEY</source>
        <translation>使用 DASHSCOPE_API_KEY</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="111" />
        <source>Use the key from the DASHSCOPE_API_KEY variable</source>
        <translation>使用环境变量 DASHSCOPE_API_KEY 中的密钥</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="112" />
        <location filename="../../gui/widgets/key_dialog.py" line="187" />
        <source>Delete key</source>
        <translation>删除密钥</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="113" />
        <source>Delete the stored key</source>
        <translation>删除已保存的密钥</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="114" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="117" />
        <source>Keys are kept in the system key store ({backend}).</source>
        <translation>密钥保存在系统密钥库中（{backend}）。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="124" />
        <source>No system key store is available ({backend}). Keys are kept for this session only and are never written to a file. On Windows they would go to the Credential Manager.</source>
        <translation>没有可用的系统密钥库（{backend}）。密钥仅在本次运行期间保留在内存中，绝不会写入文件。在 Windows 上，密钥会保存到“凭据管理器”。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="137" />
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="140" />
        <source>{fingerprint} (this session only)</source>
        <translation>{fingerprint}（仅本次运行）</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="165" />
        <source>Saved {fingerprint} for {region}.</source>
        <translation>已为{region}保存 {fingerprint}。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="184" />
        <source>Deleted the key for {region}.</source>
        <translation>已删除{region}的密钥。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="193" />
        <source>Click again to delete</source>
        <translation>再次点击以删除</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="232" />
        <location filename="../../gui/widgets/main_window.py" line="246" />
        <source>Not sent: {problem}</source>
        <translation>未发送：{problem}</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="251" />
        <source>No API key is set for {region}. Add one to send requests there.</source>
        <translation>{region}尚未设置 API 密钥。请先添加密钥再向该地域发送请求。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="264" />
        <source>{model} is not offered in {region}. Regions that offer it: {regions}.</source>
        <translation>{region}不提供 {model}。提供该模型的地域：{regions}。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="299" />
        <source>Task (async)</source>
        <translation>任务（异步）</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="299" />
        <source>Direct call (sync)</source>
        <translation>直接调用（同步）</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="318" />
        <source>Header X-DashScope-Async: enable; the result is polled.</source>
        <translation>请求头 X-DashScope-Async: enable；结果通过轮询获取。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="323" />
        <source>Sandbox requests are free and stay on this computer.</source>
        <translation>沙盒请求不收费，且不会离开本机。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="326" />
        <source>Price in {region}: ¥{price:g} per image; this request up to ¥{total:.2f}.</source>
        <translation>{region}价格：每张 ¥{price:g}；本次请求最多 ¥{total:.2f}。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="336" />
        <source>Free quota: {count} images in Beijing, shared by the whole account.</source>
        <translation>免费额度：北京地域 {count} 张，由整个账号共享。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="343" />
        <source>Limit: {rate:g} submissions per second, {running} running.</source>
        <translation>限流：每秒提交 {rate:g} 个任务，同时运行 {running} 个。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="404" />
        <source>PixelPost — Model Studio image APIs</source>
        <translation>PixelPost — 百炼图像 API</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="407" />
        <source>&amp;Model</source>
        <translation>模型(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="408" />
        <location filename="../../gui/widgets/task_list.py" line="97" />
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="409" />
        <source>M&amp;ode</source>
        <translation>调用方式(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="410" />
        <source>Call mode</source>
        <translation>调用方式</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="411" />
        <source>API &amp;keys…</source>
        <translation>API 密钥(&amp;K)…</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="412" />
        <source>Manage API keys</source>
        <translation>管理 API 密钥</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="413" />
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="414" />
        <source>&amp;Send (Ctrl+Enter)</source>
        <translation>发送(&amp;S)（Ctrl+Enter）</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="415" />
        <source>Send request</source>
        <translation>发送请求</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="416" />
        <source>Task list</source>
        <translation>任务列表</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="417" />
        <location filename="../../gui/widgets/preview.py" line="234" />
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="418" />
        <source>Endpoint and price</source>
        <translation>接口与价格</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/preview.py" line="97" />
        <location filename="../../gui/widgets/preview.py" line="98" />
        <source>Copy request ID</source>
        <translation>复制请求 ID</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/preview.py" line="107" />
        <source>Likely cause: {text}</source>
        <translation>可能原因：{text}</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/preview.py" line="108" />
        <source>What to do: {text}</source>
        <translation>解决办法：{text}</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/preview.py" line="118" />
        <source>Request ID: {id}</source>
        <translation>请求 ID：{id}</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/preview.py" line="139" />
        <source>Open key manager</source>
        <translation>打开密钥管理</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/preview.py" line="140" />
        <source>Switch region</source>
        <translation>切换地域</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/preview.py" line="141" />
        <source>Use task mode</source>
        <translation>改用任务模式</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/preview.py" line="142" />
        <source>Use sync mode</source>
        <translation>改用同步调用</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/preview.py" line="143" />
        <location filename="../../gui/widgets/preview.py" line="144" />
        <source>Send again</source>
        <translation>重新发送</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/preview.py" line="145" />
        <source>Edit request</source>
        <translation>修改请求</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/preview.py" line="217" />
        <source>Cannot show {file}</source>
        <translation>无法显示 {file}</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/preview.py" line="228" />
        <source>Result image {number}</source>
        <translation>结果图片 {number}</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/preview.py" line="241" />
        <source>Select a task to see its images.</source>
        <translation>选择一个任务以查看其图片。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/preview.py" line="243" />
        <source>Prompt: {text}</source>
        <translation>提示词：{text}</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/preview.py" line="247" />
        <source>Rewritten prompt: {text}</source>
        <translation>改写后的提示词：{text}</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/preview.py" line="249" />
        <source>Task ID: {id}</source>
        <translation>任务 ID：{id}</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/preview.py" line="252" />
        <source>Saved: {path}</source>
        <translation>已保存：{path}</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/preview.py" line="254" />
        <location filename="../../gui/widgets/task_list.py" line="124" />
        <source>Saving images…</source>
        <translation>正在保存图片…</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/task_list.py" line="97" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/task_list.py" line="97" />
        <source>Prompt</source>
        <translation>提示词</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/task_list.py" line="97" />
        <source>Elapsed</source>
        <translation>耗时</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/task_list.py" line="97" />
        <source>Task ID</source>
        <translation>任务 ID</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/task_list.py" line="127" />
        <source>Succeeded, {failed} of {total} failed</source>
        <translation>成功，{total} 张中 {failed} 张失败</translation>
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
        <location filename="../../gui/widgets/texts.py" line="77" />
        <source>Queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/texts.py" line="78" />
        <source>Submitting</source>
        <translation>提交中</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/texts.py" line="79" />
        <source>Pending</source>
        <translation>等待中</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/texts.py" line="80" />
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/texts.py" line="81" />
        <source>Suspended</source>
        <translation>已挂起</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/texts.py" line="82" />
        <source>Succeeded</source>
        <translation>成功</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/texts.py" line="83" />
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/texts.py" line="84" />
        <source>Canceled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/texts.py" line="85" />
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/texts.py" line="86" />
        <source>Error</source>
        <translation>错误</translation>
    </message>
</context>
</TS>