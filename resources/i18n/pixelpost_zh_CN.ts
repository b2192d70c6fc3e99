<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name />
    <message>
        <location filename="../../gui/widgets/form.py" line="140" />
        <location filename="../../gui/widgets/form.py" line="345" />
        <source>This limit is not confirmed by the official documentation.</source>
        <translation>该限制未经官方文档确认。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/form.py" line="143" />
        <source>Service default: {value}</source>
        <translation>服务端默认值：{value}</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/form.py" line="145" />
        <source>One image per line: a URL or a local file.</source>
        <translation>每行一张图片：网络地址或本地文件。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/form.py" line="148" />
        <source>Local files are sent inline or uploaded for you; drop, paste or choose one.</source>
        <translation>本地文件会自动内嵌发送或上传；可以拖放、粘贴或选择文件。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/form.py" line="151" />
        <source>Enter JSON, for example [] or {}.</source>
        <translation>请输入 JSON，例如 [] 或 {}。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/form.py" line="156" />
        <location filename="../../gui/widgets/form.py" line="174" />
        <location filename="../../gui/widgets/form.py" line="179" />
        <source>Service default</source>
        <translation>服务端默认</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/form.py" line="160" />
        <source>https://…, or drop, paste or choose a file</source>
        <translation>https://…，或拖放、粘贴、选择文件</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/form.py" line="175" />
        <source>On</source>
        <translation>开启</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/form.py" line="176" />
        <source>Off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/form.py" line="282" />
        <source>{count} / {maximum} characters</source>
        <translation>{count} / {maximum} 字符</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/form.py" line="290" />
        <source>on</source>
        <translation>开启</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/form.py" line="290" />
        <source>off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="247" />
        <source>API keys</source>
        <translation>API 密钥</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="248" />
        <source>&amp;Stored keys</source>
        <translation>已保存的密钥(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="249" />
        <source>Stored keys</source>
        <translation>已保存的密钥</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="251" />
        <source>Key</source>
        <translation>密钥</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="251" />
        <source>Workspace</source>
        <translation>业务空间</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="251" />
        <source>Endpoint</source>
        <translation>接口地址</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="251" />
        <source>In use</source>
        <translation>使用中</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="254" />
        <source>Add a new key</source>
        <translation>添加新密钥</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="255" />
        <source>&amp;Use for its region</source>
        <translation>设为该地域使用的密钥(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="257" />
        <source>Send this region's requests with the selected key</source>
        <translation>该地域的请求改用所选密钥发送</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="259" />
        <source>&amp;Test key</source>
        <translation>测试密钥(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="261" />
        <source>Test the pasted key, or the selected one, with one harmless request</source>
        <translation>用一次无副作用的请求测试粘贴的密钥或所选密钥</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="263" />
        <location filename="../../gui/widgets/key_dialog.py" line="457" />
        <source>&amp;Delete key</source>
        <translation>删除密钥(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="264" />
        <source>Delete the selected key</source>
        <translation>删除所选密钥</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="265" />
        <source>Na&amp;me</source>
        <translation>名称(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="266" />
        <source>Key name</source>
        <translation>密钥名称</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="267" />
        <source>For example: Beijing production</source>
        <translation>例如：北京生产环境</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="268" />
        <location filename="../../gui/widgets/main_window.py" line="942" />
        <source>&amp;Region</source>
        <translation>地域(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="290" />
        <source>Save the key</source>
        <translation>保存密钥</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="493" />
        <source>Saved {name} ({fingerprint}) for {region}.</source>
        <translation>已为{region}保存 {name}（{fingerprint}）。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="500" />
        <source>A Bearer prefix, spaces, line breaks or invisible characters were removed from the pasted text; check that the key in the console also ends in {end}.</source>
        <translation>已从粘贴的内容中去掉 Bearer 前缀、空格、换行或不可见字符；请确认控制台中的密钥同样以 {end} 结尾。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="523" />
        <location filename="../../gui/widgets/key_dialog.py" line="563" />
        <source>Requests to {region} now use {name}.</source>
        <translation>发往{region}的请求现在使用 {name}。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="543" />
        <source>Click again to delete {name}</source>
        <translation>再次点击以删除 {name}</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="546" />
        <source>Deleting removes {name} from the system key store. Click the button again to delete it.</source>
        <translation>删除会将 {name} 从系统密钥库中移除。再次点击按钮即可删除。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="559" />
        <source>Deleted the key {name}.</source>
        <translation>已删除密钥 {name}。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="567" />
        <source>{region} has no key now.</source>
        <translation>{region}现在没有密钥了。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="581" />
        <source>Paste a key, or select a stored one, to test it.</source>
        <translation>请粘贴一个密钥或选择已保存的密钥后再测试。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="638" />
        <source>The test could not finish: {title}. {fix}</source>
        <translation>测试未能完成：{title}。{fix}</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="655" />
        <source>The key name is empty; give the key a name.</source>
        <translation>密钥名称为空，请为密钥命名。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="657" />
        <source>The key name has {length} characters; use at most {maximum}.</source>
        <translation>密钥名称有 {length} 个字符，最多只能有 {maximum} 个。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="659" />
        <source>A key named {name} already exists; choose another name.</source>
        <translation>已存在名为 {name} 的密钥，请换一个名称。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="662" />
        <source>The workspace ID {value} is not valid: use only letters, digits, '-' and '_', as shown in the Model Studio console.</source>
        <translation>业务空间 ID {value} 无效：只能包含字母、数字、“-”和“_”，请按百炼控制台中显示的填写。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="667" />
        <source>The base URL {value} still contains a placeholder in braces; replace it with your workspace ID.</source>
        <translation>接口基础地址 {value} 中仍有花括号占位符，请替换为你的业务空间 ID。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="673" />
        <source>The base URL {value} is a workspace domain in {region}; choose {region} as the key's region.</source>
        <translation>接口基础地址 {value} 是{region}的业务空间专属域名，请把密钥的地域选为{region}。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="677" />
        <source>The base URL {value} must end in /api/v1 or have no path.</source>
        <translation>接口基础地址 {value} 必须以 /api/v1 结尾，或不带路径。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="680" />
        <source>The base URL {value} is not usable. Write it like https://dashscope.aliyuncs.com/api/v1, with https:// and no query.</source>
        <translation>接口基础地址 {value} 无法使用。请按 https://dashscope.aliyuncs.com/api/v1 的格式填写，使用 https:// 且不带查询参数。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="695" />
        <source>Character {position} of the key is “{character}” ({code_point}), which an API key cannot contain. Copy the key again from the Model Studio console.</source>
        <translation>密钥的第 {position} 个字符是“{character}”（{code_point}），API Key 中不能包含该字符。请从百炼控制台重新复制密钥。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/collections_panel.py" line="201" />
        <source>Folder {name}</source>
        <translation>文件夹 {name}</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/collections_panel.py" line="211" />
        <location filename="../../gui/widgets/collections_panel.py" line="582" />
        <source>Collection: {folder}</source>
        <translation>集合：{folder}</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/collections_panel.py" line="224" />
        <source>cannot be read</source>
        <translation>无法读取</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/collections_panel.py" line="282" />
        <source>Opened {name}.</source>
        <translation>已打开 {name}。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/collections_panel.py" line="303" />
        <source>Renamed to {name}.</source>
        <translation>已重命名为 {name}。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/collections_panel.py" line="322" />
        <source>Renamed the folder to {name}.</source>
        <translation>已将文件夹重命名为 {name}。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/collections_panel.py" line="362" />
        <source>Saved a copy as {name}.</source>
        <translation>已保存副本 {name}。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/collections_panel.py" line="374" />
        <location filename="../../gui/widgets/collections_panel.py" line="595" />
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/collections_panel.py" line="379" />
        <source>Delete the folder {folder} and the {count} requests in it?</source>
        <translation>删除文件夹 {folder} 及其中的 {count} 个请求？</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/collections_panel.py" line="385" />
        <source>Delete the saved request {name}?</source>
        <translation>删除已保存的请求 {name}？</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/collections_panel.py" line="404" />
        <source>Deleted the folder {folder}.</source>
        <translation>已删除文件夹 {folder}。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/collections_panel.py" line="408" />
        <source>Deleted {name}.</source>
        <translation>已删除 {name}。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/collections_panel.py" line="424" />
        <source>Move request</source>
        <translation>移动请求</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/collections_panel.py" line="425" />
        <source>Move to folder:</source>
        <translation>移动到文件夹：</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/collections_panel.py" line="451" />
        <source>Moved {name} to {folder}.</source>
        <translation>已将 {name} 移动到 {folder}。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/collections_panel.py" line="460" />
        <source>New folder</source>
        <translation>新建文件夹</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/collections_panel.py" line="461" />
        <source>Name of the new folder:</source>
        <translation>新文件夹名称：</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/collections_panel.py" line="484" />
        <source>Created the folder {folder}.</source>
        <translation>已创建文件夹 {folder}。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/collections_panel.py" line="500" />
        <source>Saved {name} to {path}.</source>
        <translation>已将 {name} 保存到 {path}。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/collections_panel.py" line="504" />
        <location filename="../../gui/widgets/collections_panel.py" line="581" />
        <source>Choose the collection folder</source>
        <translation>选择集合文件夹</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/collections_panel.py" line="515" />
        <source>Import a collection</source>
        <translation>导入集合</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/collections_panel.py" line="518" />
        <location filename="../../gui/widgets/collections_panel.py" line="547" />
        <source>Exported collections (*.json)</source>
        <translation>导出的集合 (*.json)</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/collections_panel.py" line="532" />
        <source>Imported {written} requests from {file}; {unchanged} were already here.</source>
        <translation>已从 {file} 导入 {written} 个请求；{unchanged} 个已存在。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/collections_panel.py" line="536" />
        <source>{count} got a new file name because theirs was taken.</source>
        <translation>{count} 个请求因文件名已被占用而使用了新文件名。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/collections_panel.py" line="544" />
        <source>Export the collection</source>
        <translation>导出集合</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/collections_panel.py" line="561" />
        <source>Exported {count} requests to {file}.</source>
        <translation>已将 {count} 个请求导出到 {file}。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/collections_panel.py" line="565" />
        <source>Left out {count} files that cannot be read: {files}.</source>
        <translation>已跳过 {count} 个无法读取的文件：{files}。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/collections_panel.py" line="580" />
        <source>Change folder…</source>
        <translation>更换文件夹…</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/collections_panel.py" line="583" />
        <source>Search by name, prompt or model</source>
        <translation>按名称、提示词或模型搜索</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/collections_panel.py" line="584" />
        <source>Search saved requests</source>
        <translation>搜索已保存的请求</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/collections_panel.py" line="585" />
        <location filename="../../gui/widgets/gallery_details.py" line="50" />
        <location filename="../../gui/widgets/history_view.py" line="181" />
        <location filename="../../gui/widgets/key_dialog.py" line="251" />
        <location filename="../../gui/widgets/key_dialog.py" line="269" />
        <location filename="../../gui/widgets/main_window.py" line="943" />
        <location filename="../../gui/widgets/spend_view.py" line="68" />
        <source>Region</source>
        <translation>地域</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/collections_panel.py" line="585" />
        <location filename="../../gui/widgets/key_dialog.py" line="251" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/collections_panel.py" line="586" />
        <location filename="../../gui/widgets/collections_panel.py" line="619" />
        <location filename="../../gui/widgets/collections_panel.py" line="620" />
        <source>Saved requests</source>
        <translation>已保存的请求</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/collections_panel.py" line="587" />
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/collections_panel.py" line="588" />
        <location filename="../../gui/widgets/history_view.py" line="550" />
        <source>Open the selected request in the form</source>
        <translation>在表单中打开所选请求</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/collections_panel.py" line="589" />
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/collections_panel.py" line="593" />
        <source>Duplicate</source>
        <translation>创建副本</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/collections_panel.py" line="594" />
        <source>Save a copy of the selected request</source>
        <translation>保存所选请求的副本</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/collections_panel.py" line="596" />
        <source>Delete the selected request or folder</source>
        <translation>删除所选请求或文件夹</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/collections_panel.py" line="597" />
        <source>New folder…</source>
        <translation>新建文件夹…</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/collections_panel.py" line="598" />
        <source>Create a folder in the collection</source>
        <translation>在集合中新建文件夹</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/collections_panel.py" line="621" />
        <source>&amp;Saved requests</source>
        <translation>已保存的请求(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/collections_panel.py" line="694" />
        <source>Type a name for the request.</source>
        <translation>请输入请求名称。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/collections_panel.py" line="719" />
        <source>Saving replaces the saved request {name} in this folder.</source>
        <translation>保存将替换此文件夹中已保存的请求 {name}。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/collections_panel.py" line="724" />
        <source>Saved to {folder}.</source>
        <translation>保存到 {folder}。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/collections_panel.py" line="727" />
        <source>Save request</source>
        <translation>保存请求</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/collections_panel.py" line="728" />
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/collections_panel.py" line="729" />
        <source>Name of the saved request</source>
        <translation>已保存请求的名称</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/collections_panel.py" line="730" />
        <source>&amp;Folder:</source>
        <translation>文件夹(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/collections_panel.py" line="426" />
        <location filename="../../gui/widgets/collections_panel.py" line="452" />
        <location filename="../../gui/widgets/collections_panel.py" line="731" />
        <source>(top level)</source>
        <translation>（顶层）</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/collections_panel.py" line="590" />
        <source>Rename the selected request or folder (F2)</source>
        <translation>重命名所选请求或文件夹（F2）</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/collections_panel.py" line="591" />
        <source>Move to…</source>
        <translation>移动到…</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/collections_panel.py" line="592" />
        <source>Move the selected request to another folder</source>
        <translation>把所选请求移动到其他文件夹</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/collections_panel.py" line="732" />
        <source>Folder of the saved request</source>
        <translation>已保存请求所在的文件夹</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/collections_panel.py" line="734" />
        <source>Save the request</source>
        <translation>保存请求</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/collections_panel.py" line="736" />
        <source>Close without saving</source>
        <translation>不保存并关闭</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="272" />
        <source>Stored key</source>
        <translation>已保存的密钥</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="253" />
        <source>&amp;New key</source>
        <translation>新建密钥(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="310" />
        <source>Paste the key from the Model Studio console</source>
        <translation>粘贴百炼控制台中的 API 密钥</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="287" />
        <source>Use DASHSCOPE_API_KEY</source>
        <translation>使用 DASHSCOPE_API_KEY</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="270" />
        <source>API &amp;key</source>
        <translation>API 密钥(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="271" />
        <source>API key</source>
        <translation>API 密钥</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="273" />
        <source>Fingerprint of the stored key</source>
        <translation>已保存密钥的指纹</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="274" />
        <source>&amp;Base URL (optional)</source>
        <translation>接口基础地址（可选）(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="275" />
        <source>Base URL, for a workspace domain</source>
        <translation>接口基础地址，用于业务空间专属域名</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="278" />
        <source>Leave empty to use the region's shared endpoint. A workspace domain looks like https://WORKSPACE-ID.cn-beijing.maas.aliyuncs.com.</source>
        <translation>留空则使用该地域的公共接口地址。业务空间专属域名形如 https://WORKSPACE-ID.cn-beijing.maas.aliyuncs.com。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="282" />
        <source>&amp;Workspace ID (optional)</source>
        <translation>业务空间 ID（可选）(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="283" />
        <source>Workspace ID</source>
        <translation>业务空间 ID</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="285" />
        <source>Sent as the X-DashScope-WorkSpace header, to use a sub-workspace.</source>
        <translation>作为 X-DashScope-WorkSpace 请求头发送，用于访问子业务空间。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="288" />
        <source>Use the key from the DASHSCOPE_API_KEY variable</source>
        <translation>使用环境变量 DASHSCOPE_API_KEY 中的密钥</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/collections_panel.py" line="733" />
        <location filename="../../gui/widgets/key_dialog.py" line="289" />
        <location filename="../../gui/widgets/limits_dialog.py" line="133" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="293" />
        <source>Keys are kept in the system key store ({backend}).</source>
        <translation>密钥保存在系统密钥库中（{backend}）。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="300" />
        <source>No system key store is available ({backend}). Keys are kept for this session only and are never written to a file. On Windows they would go to the Credential Manager.</source>
        <translation>没有可用的系统密钥库（{backend}）。密钥仅在本次运行期间保留在内存中，绝不会写入文件。在 Windows 上，密钥会保存到“凭据管理器”。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="309" />
        <source>New key</source>
        <translation>新密钥</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="312" />
        <source>Selected key</source>
        <translation>所选密钥</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="313" />
        <source>Leave empty to keep the stored key</source>
        <translation>留空则保留已保存的密钥</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="335" />
        <source>not readable</source>
        <translation>无法读取</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="346" />
        <source>shared endpoint</source>
        <translation>公共接口地址</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="347" />
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="355" />
        <source>Press F2 or double-click to rename.</source>
        <translation>按 F2 或双击可重命名。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="390" />
        <source>Renamed the key to {name}.</source>
        <translation>已将密钥重命名为 {name}。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="402" />
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="337" />
        <location filename="../../gui/widgets/key_dialog.py" line="405" />
        <source>{fingerprint} (this session only)</source>
        <translation>{fingerprint}（仅本次运行）</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="600" />
        <source>Testing the key…</source>
        <translation>正在测试密钥…</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="610" />
        <source>The key works in {region}.</source>
        <translation>该密钥在{region}可用。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="615" />
        <source>{region} rejects the key, but {other} accepts it: the key was created in {other}. Save it for {other}, or create a key in {region}.</source>
        <translation>{region}不接受该密钥，但{other}接受：该密钥是在{other}创建的。请把它保存到{other}，或在{region}创建一个密钥。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="622" />
        <source>{region} rejects the key. Check that it was copied whole and has not been deleted in the Model Studio console.</source>
        <translation>{region}不接受该密钥。请确认密钥复制完整，且未在百炼控制台中被删除。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="629" />
        <source>{region} accepts the key but not the workspace: check the workspace ID and that the workspace belongs to this region.</source>
        <translation>{region}接受该密钥，但拒绝了业务空间：请检查业务空间 ID，并确认该业务空间属于这个地域。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="644" />
        <source>The test could not finish: {code}.</source>
        <translation>测试未能完成：{code}。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/import_dialog.py" line="70" />
        <source>Import a curl command</source>
        <translation>导入 curl 命令</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/import_dialog.py" line="72" />
        <source>Paste a curl command, as copied from the documentation, a browser or a chat.</source>
        <translation>粘贴从文档、浏览器或聊天中复制的 curl 命令。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/import_dialog.py" line="74" />
        <source>curl command</source>
        <translation>curl 命令</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/import_dialog.py" line="75" />
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/import_dialog.py" line="76" />
        <source>Open the command as a request</source>
        <translation>把该命令作为请求打开</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/import_dialog.py" line="78" />
        <source>Close the import dialog</source>
        <translation>关闭导入对话框</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/import_dialog.py" line="86" />
        <source>The command could not be read: {problem}</source>
        <translation>无法解析该命令：{problem}</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/import_dialog.py" line="91" />
        <source>Imported {method} {path}.</source>
        <translation>已导入 {method} {path}。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/import_dialog.py" line="96" />
        <source>The command contains an API key. It is not kept in the request, history or logs; save it in the key store if you want to use it.</source>
        <translation>该命令中包含 API 密钥。密钥不会保留在请求、历史或日志中；如需使用，请把它保存到密钥库。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/import_dialog.py" line="101" />
        <source>Save the key for {region}</source>
        <translation>为{region}保存密钥</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/import_dialog.py" line="105" />
        <source>Save the pasted key in the key store</source>
        <translation>把粘贴的密钥保存到密钥库</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/import_dialog.py" line="123" />
        <source>Saved {fingerprint} for {region}.</source>
        <translation>已为{region}保存 {fingerprint}。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="688" />
        <source>The key is empty. Paste the API key from the Model Studio console.</source>
        <translation>密钥为空。请粘贴百炼控制台中的 API 密钥。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/key_dialog.py" line="691" />
        <source>The key has {length} characters; API keys are shorter than {maximum}. Check that only the key was copied.</source>
        <translation>密钥有 {length} 个字符，而 API 密钥不会超过 {maximum} 个字符。请确认只复制了密钥本身。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="420" />
        <location filename="../../gui/widgets/main_window.py" line="436" />
        <location filename="../../gui/widgets/main_window.py" line="443" />
        <location filename="../../gui/widgets/main_window.py" line="490" />
        <source>Not sent: {problem}</source>
        <translation>未发送：{problem}</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="472" />
        <location filename="../../gui/widgets/task_panel.py" line="184" />
        <source>No API key is set for {region}. Add one to send requests there.</source>
        <translation>{region}尚未设置 API 密钥。请先添加密钥再向该地域发送请求。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/task_panel.py" line="146" />
        <source>Task canceled.</source>
        <translation>任务已取消。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/task_panel.py" line="151" />
        <source>The task is already running and cannot be canceled: the service cancels only tasks that are still PENDING. It will finish and be billed as usual.</source>
        <translation>任务已在运行，无法取消：服务端只能取消仍处于 PENDING 状态的任务。该任务会正常完成并照常计费。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/task_panel.py" line="158" />
        <source>The task cannot be canceled: {reason}</source>
        <translation>无法取消该任务：{reason}</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/task_panel.py" line="162" />
        <source>Canceling failed: {code} {message}</source>
        <translation>取消失败：{code} {message}</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/task_panel.py" line="177" />
        <source>Paste a task ID to track a task submitted elsewhere.</source>
        <translation>粘贴任务 ID，即可跟踪在其他地方提交的任务。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/task_panel.py" line="191" />
        <source>Tracking task {id}.</source>
        <translation>正在跟踪任务 {id}。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="498" />
        <source>{model} is not offered in {region}. Regions that offer it: {regions}.</source>
        <translation>{region}不提供 {model}。提供该模型的地域：{regions}。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="537" />
        <source>Task (async)</source>
        <translation>任务（异步）</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="537" />
        <source>Direct call (sync)</source>
        <translation>直接调用（同步）</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="669" />
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
        <location filename="../../gui/widgets/image_field.py" line="419" />
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
        <location filename="../../gui/widgets/import_dialog.py" line="77" />
        <location filename="../../gui/widgets/spend_view.py" line="224" />
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
        <location filename="../../gui/widgets/main_window.py" line="674" />
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
        <location filename="../../gui/widgets/main_window.py" line="677" />
        <source>Price in {region}: ¥{price:g} per image; this request up to ¥{total:.2f}.</source>
        <translation>{region}价格：每张 ¥{price:g}；本次请求最多 ¥{total:.2f}。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="687" />
        <source>Free quota: {count} images in Beijing, shared by the whole account.</source>
        <translation>免费额度：北京地域 {count} 张，由整个账号共享。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="342" />
        <source>(retired)</source>
        <translation>（已下线）</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="441" />
        <source>the model {model} is not in the catalog; check the "model" member.</source>
        <translation>模型目录中没有 {model}，请检查 "model" 字段。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="553" />
        <source>The model {model} is not in the catalog. Check the id, or pick one from the list.</source>
        <translation>模型目录中没有 {model}。请检查模型 ID，或从列表中选择。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="583" />
        <source>The model {model} is not in the catalog; the form cannot show it.</source>
        <translation>模型目录中没有 {model}，表单无法显示它。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="619" />
        <source>{model} was retired on {date}; the service no longer accepts it.</source>
        <translation>{model} 已于 {date} 下线，服务端不再接受该模型的请求。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="623" />
        <source>Use {model}</source>
        <translation>改用 {model}</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="629" />
        <source>Switch to {region}</source>
        <translation>切换到{region}</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="666" />
        <source>Header X-DashScope-WorkSpace: {workspace}</source>
        <translation>请求头 X-DashScope-WorkSpace：{workspace}</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="800" />
        <source>This request has no image field to replace.</source>
        <translation>这个请求没有可以替换的图片字段。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="806" />
        <source>Choose a local file for {field}, then send the request again.</source>
        <translation>请为“{field}”选择本地文件，然后重新发送请求。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="816" />
        <source>Choose a model this region offers before starting a batch.</source>
        <translation>开始批量生成前，请选择当前地域提供的模型。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="853" />
        <source>Copied the request as {format}, but it names local files, which only the dashscope SDK script uploads. Replace them with public URLs, or copy the request as the SDK script.</source>
        <translation>已复制为 {format}，但请求中包含本地文件，只有 dashscope SDK 脚本会自动上传本地文件。请把它们换成公网 URL，或改为复制 SDK 脚本。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="860" />
        <source>Copied the request as {format}; the key is read from DASHSCOPE_API_KEY.</source>
        <translation>已把请求复制为 {format}；密钥从 DASHSCOPE_API_KEY 读取。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="879" />
        <source>The imported command has no JSON body to open as a request.</source>
        <translation>导入的命令没有可作为请求打开的 JSON 请求体。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="941" />
        <source>PixelPost — Model Studio image APIs</source>
        <translation>PixelPost — 百炼图像 API</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/gallery_details.py" line="47" />
        <source>Rewritten prompt</source>
        <translation>改写后的提示词</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/gallery_details.py" line="48" />
        <source>Negative prompt</source>
        <translation>反向提示词</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/gallery_details.py" line="51" />
        <source>Size</source>
        <translation>尺寸</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/gallery_details.py" line="52" />
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/gallery_details.py" line="55" />
        <source>Submitted</source>
        <translation>提交时间</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/gallery_details.py" line="56" />
        <source>Finished</source>
        <translation>完成时间</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/gallery_details.py" line="58" />
        <location filename="../../gui/widgets/history_view.py" line="184" />
        <source>Estimated cost</source>
        <translation>预估费用</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/gallery_details.py" line="59" />
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/gallery_details.py" line="118" />
        <source>Result details</source>
        <translation>结果详情</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/gallery_details.py" line="134" />
        <source>{count} results selected. Compare them side by side, or delete them.</source>
        <translation>已选择 {count} 个结果。可以并排对比或删除它们。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/gallery_details.py" line="138" />
        <source>Select a result to see the request behind it.</source>
        <translation>选择一个结果以查看生成它的请求。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/gallery_details.py" line="146" />
        <source>{name}: the request behind this image is unknown. {problem}</source>
        <translation>{name}：生成这张图片的请求未知。{problem}</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/gallery_details.py" line="166" />
        <source>{seconds:.1f} s</source>
        <translation>{seconds:.1f} 秒</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/gallery_details.py" line="179" />
        <source>{actual} (requested {requested})</source>
        <translation>{actual}（请求的是 {requested}）</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/gallery_details.py" line="190" />
        <source>Free in the sandbox (¥{price:g} per image in {region})</source>
        <translation>沙盒中免费（{region}每张图片 ¥{price:g}）</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/gallery_details.py" line="193" />
        <source>¥{price:g} (catalog price per image in {region})</source>
        <translation>¥{price:g}（{region}每张图片的目录价格）</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/gallery_details.py" line="279" />
        <source>Use as input image</source>
        <translation>用作输入图片</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/gallery_details.py" line="281" />
        <source>Open {name} in the form of a model that takes an input image.</source>
        <translation>在接受输入图片的模型表单中打开 {name}。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/gallery_details.py" line="285" />
        <location filename="../../gui/widgets/main_window.py" line="944" />
        <source>&amp;Model</source>
        <translation>模型(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/gallery_details.py" line="286" />
        <source>Model that receives the image</source>
        <translation>接收图片的模型</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/gallery_details.py" line="287" />
        <source>&amp;Image field</source>
        <translation>图片字段(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/gallery_details.py" line="288" />
        <source>Field that receives the image</source>
        <translation>接收图片的字段</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/collections_panel.py" line="585" />
        <location filename="../../gui/widgets/gallery_details.py" line="49" />
        <location filename="../../gui/widgets/history_view.py" line="180" />
        <location filename="../../gui/widgets/main_window.py" line="945" />
        <location filename="../../gui/widgets/spend_view.py" line="67" />
        <location filename="../../gui/widgets/task_list.py" line="134" />
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="695" />
        <source>Limits: up to {rate:g} submissions/s; running at once: {running}.</source>
        <translation>限流：每秒最多提交 {rate:g} 个任务；同时最多运行：{running} 个。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="946" />
        <source>M&amp;ode</source>
        <translation>调用方式(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="947" />
        <source>Call mode</source>
        <translation>调用方式</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="948" />
        <location filename="../../gui/widgets/main_window.py" line="995" />
        <source>Import curl…</source>
        <translation>导入 curl…</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="949" />
        <source>Open a pasted curl command as a request</source>
        <translation>把粘贴的 curl 命令作为请求打开</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="951" />
        <source>Show or hide the HTTP inspector (Ctrl+I)</source>
        <translation>显示或隐藏 HTTP 检查器（Ctrl+I）</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="952" />
        <source>API &amp;keys…</source>
        <translation>API 密钥(&amp;K)…</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="953" />
        <source>Manage API keys</source>
        <translation>管理 API 密钥</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="954" />
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="957" />
        <source>Show retired</source>
        <translation>显示已下线</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="958" />
        <source>Show retired models</source>
        <translation>显示已下线的模型</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="959" />
        <source>Form</source>
        <translation>表单</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="960" />
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="961" />
        <source>Request editor</source>
        <translation>请求编辑器</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="992" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="993" />
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="994" />
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="996" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="997" />
        <source>API keys…</source>
        <translation>API 密钥…</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/task_panel.py" line="97" />
        <source>Cancel task</source>
        <translation>取消任务</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/task_panel.py" line="98" />
        <source>Cancel the selected task</source>
        <translation>取消所选任务</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/task_panel.py" line="100" />
        <source>Send the selected task's request again</source>
        <translation>重新发送所选任务的请求</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/task_panel.py" line="101" />
        <source>Task ID submitted elsewhere</source>
        <translation>在其他地方提交的任务 ID</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/task_panel.py" line="102" />
        <source>Task ID to track</source>
        <translation>要跟踪的任务 ID</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/task_panel.py" line="103" />
        <source>Track</source>
        <translation>跟踪</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/task_panel.py" line="104" />
        <source>Track the task with this ID</source>
        <translation>跟踪此 ID 对应的任务</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="964" />
        <source>Edit limits…</source>
        <translation>编辑限流…</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="965" />
        <source>Edit this model's account limits</source>
        <translation>编辑此模型的账号限流</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="966" />
        <source>Copy as…</source>
        <translation>复制为…</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="967" />
        <source>Copy this request as a command or script</source>
        <translation>把此请求复制为命令或脚本</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="969" />
        <source>bash curl</source>
        <translation>bash curl</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="977" />
        <source>&amp;Batch…</source>
        <translation>批量(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="978" />
        <source>Send this form with many prompts</source>
        <translation>用多个提示词发送此表单</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="979" />
        <source>&amp;Send (Ctrl+Enter)</source>
        <translation>发送(&amp;S)（Ctrl+Enter）</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="980" />
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
        <location filename="../../gui/widgets/collections_panel.py" line="735" />
        <location filename="../../gui/widgets/inspector.py" line="86" />
        <location filename="../../gui/widgets/mask_painter.py" line="495" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="87" />
        <location filename="../../gui/widgets/task_panel.py" line="96" />
        <source>Task list</source>
        <translation>任务列表</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="88" />
        <source>Upload policy</source>
        <translation>上传凭证</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="89" />
        <source>Upload</source>
        <translation>上传</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="90" />
        <source>URL check</source>
        <translation>地址检查</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="98" />
        <source>{value} ms</source>
        <translation>{value} 毫秒</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="104" />
        <source>No response</source>
        <translation>无响应</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="113" />
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="114" />
        <source>{count} bytes</source>
        <translation>{count} 字节</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/history_view.py" line="179" />
        <location filename="../../gui/widgets/inspector.py" line="227" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="227" />
        <location filename="../../gui/widgets/inspector.py" line="850" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="227" />
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="227" />
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/gallery_details.py" line="57" />
        <location filename="../../gui/widgets/inspector.py" line="227" />
        <source>Duration</source>
        <translation>耗时</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="260" />
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="505" />
        <source>Reading the exchange history failed: {reason}</source>
        <translation>读取请求记录历史失败：{reason}</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="510" />
        <source>Loaded {count} earlier exchanges from the history.</source>
        <translation>已从历史中载入 {count} 条较早的请求记录。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="557" />
        <source>Select an exchange to see its details.</source>
        <translation>选择一条请求记录以查看详情。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="625" />
        <source>Request ID: quote it when you contact support.</source>
        <translation>请求 ID：联系技术支持时请提供。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="626" />
        <source>Timing header set by the service.</source>
        <translation>服务端设置的计时响应头。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="627" />
        <source>Trace header set by the service.</source>
        <translation>服务端设置的追踪响应头。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="640" />
        <source>(no body)</source>
        <translation>（无请求体）</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="642" />
        <source>({count} bytes of binary data)</source>
        <translation>（{count} 字节的二进制数据）</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="647" />
        <source>Image body not stored ({size}).</source>
        <translation>未保存图片内容（{size}）。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="653" />
        <source>Only the first {stored} of {size} bytes were stored.</source>
        <translation>仅保存了 {size} 字节中的前 {stored} 字节。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="660" />
        <source>The request has no body.</source>
        <translation>该请求没有请求体。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="663" />
        <source>Encoding: UTF-8, {count} bytes. Non-ASCII characters take 2 to 4 bytes each; the escaped view writes them as \xNN.</source>
        <translation>编码：UTF-8，共 {count} 字节。每个非 ASCII 字符占 2 到 4 个字节；转义视图将其写为 \xNN。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="668" />
        <source>Encoding: not valid UTF-8, {count} bytes.</source>
        <translation>编码：不是有效的 UTF-8，共 {count} 字节。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="679" />
        <source>All tasks</source>
        <translation>全部任务</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="681" />
        <source>Without a task</source>
        <translation>不属于任务</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="708" />
        <source>{shown} of {total} exchanges</source>
        <translation>显示 {shown} / 共 {total} 条请求记录</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="720" />
        <source>This exchange has no request ID.</source>
        <translation>这条请求记录没有请求 ID。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="723" />
        <source>Copied the request ID {id}.</source>
        <translation>已复制请求 ID {id}。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="737" />
        <source>Cannot export: {reason}</source>
        <translation>无法导出：{reason}</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="742" />
        <source>Copied the {format} script to the clipboard. It reads the key from the DASHSCOPE_API_KEY environment variable.</source>
        <translation>已将 {format} 脚本复制到剪贴板。脚本从环境变量 DASHSCOPE_API_KEY 读取密钥。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="752" />
        <source>Save HAR file</source>
        <translation>保存 HAR 文件</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="755" />
        <source>HAR files (*.har)</source>
        <translation>HAR 文件 (*.har)</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="774" />
        <source>Saving {path} failed: {reason}</source>
        <translation>保存 {path} 失败：{reason}</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="778" />
        <source>Saved {count} exchanges to {path}.</source>
        <translation>已将 {count} 条请求记录保存到 {path}。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="783" />
        <source>Choose a folder for the scripts</source>
        <translation>选择保存脚本的文件夹</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="810" />
        <source>Saving to {folder} failed: {reason}</source>
        <translation>保存到 {folder} 失败：{reason}</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="815" />
        <source>Saved {count} files to {folder}.</source>
        <translation>已将 {count} 个文件保存到 {folder}。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="819" />
        <source>Not possible for this exchange: {formats}.</source>
        <translation>这条请求记录无法导出为：{formats}。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="833" />
        <source>&amp;Task:</source>
        <translation>任务(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="834" />
        <source>Show the exchanges of</source>
        <translation>显示以下任务的请求记录</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="835" />
        <source>Selected task o&amp;nly</source>
        <translation>仅所选任务(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="836" />
        <source>Show only the selected task</source>
        <translation>仅显示所选任务</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="837" />
        <source>&amp;Load history</source>
        <translation>载入历史(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="838" />
        <source>Load exchanges of earlier sessions</source>
        <translation>载入以前会话的请求记录</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="839" />
        <source>Recorded exchanges</source>
        <translation>已记录的请求</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="841" />
        <source>Exchange details</source>
        <translation>请求详情</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="842" />
        <source>Summary</source>
        <translation>概要</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="843" />
        <location filename="../../gui/widgets/inspector.py" line="847" />
        <source>Request</source>
        <translation>请求</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="844" />
        <source>Request bytes</source>
        <translation>请求字节</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="845" />
        <source>Response</source>
        <translation>响应</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/gallery_details.py" line="54" />
        <location filename="../../gui/widgets/inspector.py" line="849" />
        <source>Request ID</source>
        <translation>请求 ID</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="851" />
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="852" />
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="853" />
        <source>Time to headers</source>
        <translation>收到响应头用时</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="854" />
        <source>Total time</source>
        <translation>总用时</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="855" />
        <location filename="../../gui/widgets/inspector.py" line="869" />
        <source>Request body</source>
        <translation>请求体</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="856" />
        <location filename="../../gui/widgets/inspector.py" line="872" />
        <source>Response body</source>
        <translation>响应体</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="857" />
        <source>Service timing</source>
        <translation>服务端计时</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="864" />
        <source>Header</source>
        <translation>响应头</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="864" />
        <location filename="../../gui/widgets/preview.py" line="317" />
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="867" />
        <source>Request headers</source>
        <translation>请求头</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="868" />
        <source>Response headers</source>
        <translation>响应头</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="870" />
        <source>Request body bytes in hexadecimal</source>
        <translation>请求体字节（十六进制）</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="871" />
        <source>Request body bytes, escaped</source>
        <translation>请求体字节（转义）</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="874" />
        <source>Copy request &amp;ID</source>
        <translation>复制请求 ID(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="875" />
        <source>Copy the request ID</source>
        <translation>复制请求 ID</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="877" />
        <source>Copy as &amp;bash</source>
        <translation>复制为 bash(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="877" />
        <source>bash (curl)</source>
        <translation>bash（curl）</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="878" />
        <source>Copy as &amp;cmd</source>
        <translation>复制为 cmd(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="878" />
        <location filename="../../gui/widgets/main_window.py" line="970" />
        <source>cmd.exe (curl.exe)</source>
        <translation>cmd.exe（curl.exe）</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="879" />
        <source>Copy as Po&amp;werShell</source>
        <translation>复制为 PowerShell(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="879" />
        <location filename="../../gui/widgets/main_window.py" line="971" />
        <source>PowerShell</source>
        <translation>PowerShell</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="880" />
        <source>Copy as P&amp;ython</source>
        <translation>复制为 Python(&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="880" />
        <location filename="../../gui/widgets/main_window.py" line="972" />
        <source>Python (httpx)</source>
        <translation>Python（httpx）</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="881" />
        <source>Copy as S&amp;DK</source>
        <translation>复制为 SDK(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="881" />
        <location filename="../../gui/widgets/main_window.py" line="973" />
        <source>Python (dashscope SDK)</source>
        <translation>Python（dashscope SDK）</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="887" />
        <source>Copy as {format} script</source>
        <translation>复制为 {format} 脚本</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="889" />
        <source>Save &amp;HAR…</source>
        <translation>保存 HAR(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="890" />
        <source>Save the selected exchanges as a HAR file</source>
        <translation>将所选请求记录保存为 HAR 文件</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="892" />
        <source>Saves the selected rows, or every listed exchange when no row is selected.</source>
        <translation>保存所选的行；未选择任何行时保存列表中的全部请求记录。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="894" />
        <source>Save scripts to &amp;folder…</source>
        <translation>将脚本保存到文件夹(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="895" />
        <source>Save every script for this exchange</source>
        <translation>保存这条请求记录的全部脚本</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="896" />
        <source>Inspector messages</source>
        <translation>检查器消息</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="897" />
        <source>Number of exchanges</source>
        <translation>请求记录数量</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="937" />
        <location filename="../../gui/widgets/inspector.py" line="938" />
        <location filename="../../gui/widgets/main_window.py" line="950" />
        <source>HTTP inspector</source>
        <translation>HTTP 检查器</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="939" />
        <source>HTTP &amp;inspector (Ctrl+I)</source>
        <translation>HTTP 检查器(&amp;I) (Ctrl+I)</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="981" />
        <location filename="../../gui/widgets/preview.py" line="316" />
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/main_window.py" line="982" />
        <source>Endpoint and price</source>
        <translation>接口与价格</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/preview.py" line="136" />
        <location filename="../../gui/widgets/preview.py" line="137" />
        <source>Copy request ID</source>
        <translation>复制请求 ID</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/preview.py" line="146" />
        <source>Likely cause: {text}</source>
        <translation>可能原因：{text}</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/preview.py" line="147" />
        <source>What to do: {text}</source>
        <translation>解决办法：{text}</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/preview.py" line="157" />
        <source>Request ID: {id}</source>
        <translation>请求 ID：{id}</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/preview.py" line="177" />
        <source>Likely a region mismatch: your key store also has a key for {region}, and a key works only in the region where it was created.</source>
        <translation>很可能是地域不匹配：密钥库中还有{region}的密钥，而 API Key 只能在创建它的地域使用。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/preview.py" line="181" />
        <source>Switch to {region} and send again</source>
        <translation>切换到{region}并重新发送</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/preview.py" line="205" />
        <source>Open key manager</source>
        <translation>打开密钥管理</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/preview.py" line="206" />
        <source>Switch region</source>
        <translation>切换地域</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/preview.py" line="207" />
        <source>Use task mode</source>
        <translation>改用任务模式</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/preview.py" line="208" />
        <source>Use sync mode</source>
        <translation>改用同步调用</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/preview.py" line="209" />
        <location filename="../../gui/widgets/preview.py" line="210" />
        <location filename="../../gui/widgets/task_panel.py" line="99" />
        <source>Send again</source>
        <translation>重新发送</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/preview.py" line="211" />
        <source>Edit request</source>
        <translation>修改请求</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/preview.py" line="212" />
        <source>Use a local file…</source>
        <translation>改用本地文件…</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/preview.py" line="213" />
        <source>Open billing console</source>
        <translation>打开费用中心</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/preview.py" line="299" />
        <source>Cannot show {file}</source>
        <translation>无法显示 {file}</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/preview.py" line="310" />
        <location filename="../../gui/widgets/preview.py" line="320" />
        <source>Result image {number}</source>
        <translation>结果图片 {number}</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/preview.py" line="317" />
        <source>Member</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/preview.py" line="318" />
        <source>Response output</source>
        <translation>响应输出</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/preview.py" line="327" />
        <source>Select a task to see its images.</source>
        <translation>选择一个任务以查看其图片。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/preview.py" line="329" />
        <source>Prompt: {text}</source>
        <translation>提示词：{text}</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/preview.py" line="333" />
        <source>Rewritten prompt: {text}</source>
        <translation>改写后的提示词：{text}</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/preview.py" line="335" />
        <source>Task ID: {id}</source>
        <translation>任务 ID：{id}</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/preview.py" line="338" />
        <source>No image could be saved.</source>
        <translation>没有保存任何图片。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/preview.py" line="341" />
        <source>{failed} of {total} images failed; the others are saved.</source>
        <translation>{total} 张图片中有 {failed} 张失败，其余已保存。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/preview.py" line="348" />
        <source>Image {number} failed: {title} ({code}: {message}). {fix}</source>
        <translation>第 {number} 张图片失败：{title}（{code}：{message}）。{fix}</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/preview.py" line="358" />
        <source>Saved: {path}</source>
        <translation>已保存：{path}</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/preview.py" line="360" />
        <location filename="../../gui/widgets/task_list.py" line="168" />
        <source>Saving images…</source>
        <translation>正在保存图片…</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/history_view.py" line="182" />
        <location filename="../../gui/widgets/inspector.py" line="227" />
        <location filename="../../gui/widgets/inspector.py" line="848" />
        <location filename="../../gui/widgets/task_list.py" line="134" />
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
        <source>Uploading file {number} of {count}… {percent}%</source>
        <translation>正在上传第 {number} 个文件，共 {count} 个… {percent}%</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/task_list.py" line="54" />
        <source>Tracked by task ID</source>
        <translation>按任务 ID 跟踪</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/task_list.py" line="56" />
        <source>Canceled before it was sent</source>
        <translation>发送前已取消</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/task_list.py" line="58" />
        <source>Found in the task list after the connection broke</source>
        <translation>连接中断后在任务列表中找到</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/task_list.py" line="60" />
        <source>Stopped checking; the task may still finish on the service</source>
        <translation>已停止查询；任务可能仍会在服务端完成</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/task_list.py" line="172" />
        <source>Succeeded, but no image was saved</source>
        <translation>成功，但没有保存任何图片</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/gallery_details.py" line="46" />
        <location filename="../../gui/widgets/history_view.py" line="185" />
        <location filename="../../gui/widgets/task_list.py" line="134" />
        <source>Prompt</source>
        <translation>提示词</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/task_list.py" line="134" />
        <source>Elapsed</source>
        <translation>耗时</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/gallery_details.py" line="53" />
        <location filename="../../gui/widgets/task_list.py" line="134" />
        <source>Task ID</source>
        <translation>任务 ID</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/task_list.py" line="174" />
        <source>Succeeded, {failed} of {total} failed</source>
        <translation>成功，{total} 张中 {failed} 张失败</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/task_list.py" line="180" />
        <source>{status}: {reason}</source>
        <translation>{status}：{reason}</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/task_list.py" line="193" />
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
        <location filename="../../gui/widgets/texts.py" line="76" />
        <source>{field}: {file} is a relative file path; enter the full path, choose the file, or enter a URL starting with http:// or https://.</source>
        <translation>{field}：{file} 是相对路径；请输入完整路径、选择文件，或者填写以 http:// 或 https:// 开头的地址。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/texts.py" line="79" />
        <source>{field}: the file {file} does not exist; choose the file again.</source>
        <translation>{field}：文件 {file} 不存在，请重新选择文件。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/texts.py" line="81" />
        <source>{field}: {file} is not a readable image; choose a JPEG, PNG or other image file.</source>
        <translation>{field}：{file} 不是可读取的图片，请选择 JPEG、PNG 等图片文件。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/texts.py" line="84" />
        <source>{field}: {file} is a {format} image; this field accepts {formats}. Convert the image to one of them.</source>
        <translation>{field}：{file} 是 {format} 图片；这个字段只接受 {formats}。请把图片转换为其中一种格式。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/texts.py" line="88" />
        <source>{field}: {file} is {size}; the maximum is {maximum}. Compress the image or scale it down.</source>
        <translation>{field}：{file} 的大小为 {size}，上限为 {maximum}。请压缩或缩小图片。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/texts.py" line="92" />
        <source>{field}: {file} is {width}*{height} pixels; each side must be from {min_side} to {max_side} pixels. Resize the image.</source>
        <translation>{field}：{file} 为 {width}*{height} 像素；每边须在 {min_side} 到 {max_side} 像素之间。请调整图片尺寸。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/texts.py" line="96" />
        <source>{field}: {file} is {width}*{height} pixels, aspect ratio {ratio}; the ratio must be from {min_ratio} to {max_ratio}. Crop the image.</source>
        <translation>{field}：{file} 为 {width}*{height} 像素，宽高比 {ratio}；宽高比须在 {min_ratio} 到 {max_ratio} 之间。请裁剪图片。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/texts.py" line="100" />
        <source>{field}: {file} is {width}*{height} pixels, but {other} is {other_width}*{other_height}; use an image of the same size.</source>
        <translation>{field}：{file} 为 {width}*{height} 像素，而 {other} 为 {other_width}*{other_height} 像素；请使用尺寸相同的图片。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/texts.py" line="104" />
        <source>{field}: the data URI has {length} characters; the service accepts at most {maximum}. Choose the file instead, so PixelPost uploads it.</source>
        <translation>{field}：该 data URI 有 {length} 个字符，服务最多接受 {maximum} 个。请改为选择文件，由 PixelPost 上传。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/texts.py" line="122" />
        <source>Queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/texts.py" line="123" />
        <source>Submitting</source>
        <translation>提交中</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/texts.py" line="124" />
        <source>Pending</source>
        <translation>等待中</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/texts.py" line="125" />
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/texts.py" line="126" />
        <source>Suspended</source>
        <translation>已挂起</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/history_view.py" line="80" />
        <location filename="../../gui/widgets/spend_view.py" line="103" />
        <source>free (sandbox)</source>
        <translation>免费（沙盒）</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/history_view.py" line="183" />
        <location filename="../../gui/widgets/spend_view.py" line="69" />
        <source>Images</source>
        <translation>图片数</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/history_view.py" line="234" />
        <location filename="../../gui/widgets/spend_view.py" line="86" />
        <source>The catalog has no price for this model in this region.</source>
        <translation>目录中没有此模型在该地域的价格。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/history_view.py" line="236" />
        <source>The task has not finished; this is the most it can cost.</source>
        <translation>任务尚未结束；这是它的最高费用。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/history_view.py" line="485" />
        <source>This task has no saved results.</source>
        <translation>该任务没有已保存的结果。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/history_view.py" line="488" />
        <source>The folder {folder} could not be opened.</source>
        <translation>无法打开文件夹 {folder}。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/history_view.py" line="514" />
        <source>{shown} of {total} requests loaded</source>
        <translation>已加载 {shown} / {total} 个请求</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/history_view.py" line="516" />
        <source>{total} requests</source>
        <translation>{total} 个请求</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/history_view.py" line="527" />
        <source>Search prompt, model, task or request ID</source>
        <translation>搜索提示词、模型、任务 ID 或请求 ID</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/history_view.py" line="528" />
        <source>Search the history</source>
        <translation>搜索历史记录</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/history_view.py" line="529" />
        <source>Filter by model</source>
        <translation>按模型筛选</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/history_view.py" line="533" />
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/history_view.py" line="534" />
        <location filename="../../gui/widgets/texts.py" line="127" />
        <source>Succeeded</source>
        <translation>成功</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/history_view.py" line="535" />
        <location filename="../../gui/widgets/texts.py" line="128" />
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/history_view.py" line="536" />
        <location filename="../../gui/widgets/texts.py" line="129" />
        <source>Canceled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/history_view.py" line="537" />
        <source>Unfinished</source>
        <translation>未完成</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/history_view.py" line="541" />
        <source>Filter by status</source>
        <translation>按状态筛选</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/history_view.py" line="542" />
        <source>From</source>
        <translation>起始</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/history_view.py" line="543" />
        <source>Only requests sent on or after a date</source>
        <translation>只显示在某日期当天及之后发送的请求</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/history_view.py" line="544" />
        <source>First day</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/history_view.py" line="545" />
        <source>To</source>
        <translation>截止</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/history_view.py" line="546" />
        <source>Only requests sent on or before a date</source>
        <translation>只显示在某日期当天及之前发送的请求</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/history_view.py" line="547" />
        <source>Last day</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/history_view.py" line="548" />
        <location filename="../../gui/widgets/history_view.py" line="592" />
        <source>Request history</source>
        <translation>请求历史</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/history_view.py" line="549" />
        <source>Open as new request</source>
        <translation>作为新请求打开</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/history_view.py" line="551" />
        <source>Show task</source>
        <translation>显示任务</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/history_view.py" line="552" />
        <source>Select the task in the task list</source>
        <translation>在任务列表中选中该任务</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/history_view.py" line="553" />
        <source>Show exchanges</source>
        <translation>显示 HTTP 交互</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/history_view.py" line="555" />
        <source>Show the task's HTTP exchanges in the inspector</source>
        <translation>在 HTTP 检查器中显示该任务的 HTTP 交互</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/history_view.py" line="557" />
        <source>Open results folder</source>
        <translation>打开结果文件夹</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/history_view.py" line="558" />
        <source>Open the folder of the task's images</source>
        <translation>打开该任务图片所在的文件夹</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/history_view.py" line="559" />
        <location filename="../../gui/widgets/saved_work.py" line="327" />
        <source>Export repro bundle…</source>
        <translation>导出复现包…</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/history_view.py" line="560" />
        <source>Save the task as a zip file for a bug report</source>
        <translation>将该任务保存为 zip 文件，用于问题反馈</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/history_view.py" line="562" />
        <location filename="../../gui/widgets/spend_view.py" line="223" />
        <source>Read the history again</source>
        <translation>重新读取历史记录</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/history_view.py" line="591" />
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/history_view.py" line="593" />
        <source>&amp;History (Ctrl+H)</source>
        <translation>历史记录(&amp;H)（Ctrl+H）</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/texts.py" line="130" />
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/inspector.py" line="858" />
        <location filename="../../gui/widgets/texts.py" line="131" />
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
    <message>
        <location filename="../../gui/widgets/compare_dialog.py" line="109" />
        <source>{name} could not be read: {reason}</source>
        <translation>无法读取 {name}：{reason}</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/compare_dialog.py" line="139" />
        <location filename="../../gui/widgets/compare_dialog.py" line="199" />
        <source>{percent}%</source>
        <translation>{percent}%</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/compare_dialog.py" line="189" />
        <source>Compare results</source>
        <translation>对比结果</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/compare_dialog.py" line="190" />
        <location filename="../../gui/widgets/compare_dialog.py" line="191" />
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/compare_dialog.py" line="192" />
        <location filename="../../gui/widgets/compare_dialog.py" line="193" />
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/compare_dialog.py" line="194" />
        <source>Fit</source>
        <translation>适应窗口</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/compare_dialog.py" line="195" />
        <source>Show every image whole</source>
        <translation>完整显示每张图片</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/compare_dialog.py" line="196" />
        <source>100%</source>
        <translation>100%</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/compare_dialog.py" line="197" />
        <source>Show images at their actual size</source>
        <translation>按实际尺寸显示图片</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/compare_dialog.py" line="198" />
        <source>Zoom level</source>
        <translation>缩放比例</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/compare_dialog.py" line="201" />
        <source>Image {number}</source>
        <translation>图片 {number}</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/gallery.py" line="437" />
        <location filename="../../gui/widgets/gallery.py" line="728" />
        <location filename="../../gui/widgets/history_view.py" line="432" />
        <location filename="../../gui/widgets/history_view.py" line="531" />
        <source>All models</source>
        <translation>全部模型</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/gallery.py" line="447" />
        <source>Showing {shown} of {total}</source>
        <translation>显示 {shown} / {total}</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/gallery.py" line="449" />
        <source>1 result</source>
        <translation>1 个结果</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/gallery.py" line="451" />
        <source>{total} results</source>
        <translation>{total} 个结果</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/gallery.py" line="537" />
        <source>No program opened {name}. Open it from its folder instead.</source>
        <translation>没有程序打开 {name}。请从其所在文件夹打开。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/gallery.py" line="546" />
        <source>The folder {folder} could not be shown.</source>
        <translation>无法显示文件夹 {folder}。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/gallery.py" line="556" />
        <source>{name} could not be read, so nothing was copied.</source>
        <translation>无法读取 {name}，因此未复制任何内容。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/gallery.py" line="563" />
        <source>Copied {name} to the clipboard.</source>
        <translation>已将 {name} 复制到剪贴板。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/gallery.py" line="591" />
        <source>Not sent; the main window says why.</source>
        <translation>未发送；原因见主窗口。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/gallery.py" line="594" />
        <source>Sent {model} again with seed {seed}.</source>
        <translation>已用种子 {seed} 再次发送 {model}。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/gallery.py" line="597" />
        <source>Sent {model} again.</source>
        <translation>已再次发送 {model}。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/gallery.py" line="618" />
        <source>{name} is now the input image of {model}.</source>
        <translation>{name} 现在是 {model} 的输入图片。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/gallery.py" line="622" />
        <source>{model} could not be opened with {name} as its input image.</source>
        <translation>无法以 {name} 作为输入图片打开 {model}。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/gallery.py" line="633" />
        <source>Comparing the first {count} of the selected results.</source>
        <translation>正在对比所选结果中的前 {count} 个。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/gallery.py" line="643" />
        <source>seed {seed}</source>
        <translation>种子 {seed}</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/gallery.py" line="662" />
        <source>Delete results</source>
        <translation>删除结果</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/gallery.py" line="664" />
        <source>Move {name} and its sidecar to the recycle bin?</source>
        <translation>将 {name} 及其附带的 JSON 文件移到回收站？</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/gallery.py" line="668" />
        <source>Move {count} results and their sidecars to the recycle bin?</source>
        <translation>将 {count} 个结果及其附带的 JSON 文件移到回收站？</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/gallery.py" line="694" />
        <source>{name} could not be moved to the recycle bin and was kept.</source>
        <translation>{name} 无法移到回收站，已保留。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/gallery.py" line="698" />
        <source>{count} results could not be moved to the recycle bin and were kept, for example {name}.</source>
        <translation>{count} 个结果无法移到回收站，已保留，例如 {name}。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/gallery.py" line="703" />
        <source>Moved {name} to the recycle bin.</source>
        <translation>已将 {name} 移到回收站。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/gallery.py" line="706" />
        <source>Moved {count} results to the recycle bin.</source>
        <translation>已将 {count} 个结果移到回收站。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/gallery.py" line="725" />
        <source>Filter by prompt, model, seed or ID</source>
        <translation>按提示词、模型、种子或 ID 筛选</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/gallery.py" line="726" />
        <source>Filter results</source>
        <translation>筛选结果</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/gallery.py" line="727" />
        <source>Show results of one model</source>
        <translation>只显示一个模型的结果</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/gallery.py" line="729" />
        <source>Saved results</source>
        <translation>已保存的结果</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/gallery.py" line="732" />
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/gallery.py" line="732" />
        <source>Open the image in its default program</source>
        <translation>用默认程序打开图片</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/gallery.py" line="733" />
        <source>Show in &amp;folder</source>
        <translation>在文件夹中显示(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/gallery.py" line="733" />
        <source>Show the image in its folder</source>
        <translation>在所在文件夹中显示图片</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/gallery.py" line="734" />
        <source>&amp;Copy image</source>
        <translation>复制图片(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/gallery.py" line="734" />
        <source>Copy the image to the clipboard</source>
        <translation>将图片复制到剪贴板</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/gallery.py" line="735" />
        <source>&amp;Run again</source>
        <translation>再次运行(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/gallery.py" line="735" />
        <source>Send the same request again</source>
        <translation>再次发送相同的请求</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/gallery.py" line="737" />
        <source>Run with a new &amp;seed</source>
        <translation>换个种子运行(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/gallery.py" line="738" />
        <source>Send the same request again with a random seed</source>
        <translation>用随机种子再次发送相同的请求</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/gallery.py" line="741" />
        <source>&amp;Use as input…</source>
        <translation>用作输入(&amp;U)…</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/gallery.py" line="742" />
        <source>Open the image as the input of an editing model</source>
        <translation>将图片作为编辑模型的输入打开</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/gallery.py" line="744" />
        <source>Co&amp;mpare…</source>
        <translation>对比(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/gallery.py" line="744" />
        <source>Compare the selected images side by side</source>
        <translation>并排对比所选图片</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/gallery.py" line="746" />
        <source>&amp;Delete…</source>
        <translation>删除(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/gallery.py" line="747" />
        <source>Move the selected images to the recycle bin</source>
        <translation>将所选图片移到回收站</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/gallery.py" line="749" />
        <location filename="../../gui/widgets/history_view.py" line="561" />
        <location filename="../../gui/widgets/spend_view.py" line="222" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/gallery.py" line="749" />
        <location filename="../../gui/widgets/gallery.py" line="757" />
        <source>Read the results folder again</source>
        <translation>重新读取结果文件夹</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/gallery.py" line="785" />
        <source>Gallery</source>
        <translation>图库</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/gallery.py" line="786" />
        <source>Show or hide the gallery of saved results (Ctrl+G)</source>
        <translation>显示或隐藏已保存结果的图库 (Ctrl+G)</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/image_field.py" line="123" />
        <source>Images (*.png *.jpg *.jpeg *.bmp *.webp *.tif *.tiff *.gif *.heic);;All files (*)</source>
        <translation>图片 (*.png *.jpg *.jpeg *.bmp *.webp *.tif *.tiff *.gif *.heic);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/image_field.py" line="178" />
        <source>This is a relative path; use a full path.</source>
        <translation>这是相对路径，请使用完整路径。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/image_field.py" line="184" />
        <source>The data URI is not a base64 image.</source>
        <translation>该 data URI 不是 base64 编码的图片。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/image_field.py" line="193" />
        <source>File not found: {path}</source>
        <translation>找不到文件：{path}</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/image_field.py" line="195" />
        <source>The file cannot be read: {reason}</source>
        <translation>无法读取文件：{reason}</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/image_field.py" line="198" />
        <source>This is a folder, not an image file.</source>
        <translation>这是一个文件夹，不是图片文件。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/image_field.py" line="232" />
        <source>This file is not an image PixelPost can read.</source>
        <translation>这个文件不是 PixelPost 能读取的图片。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/image_field.py" line="239" />
        <source>The image could not be decoded: {reason}</source>
        <translation>无法解码图片：{reason}</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/image_field.py" line="419" />
        <source>Choose a local image file</source>
        <translation>选择本地图片文件</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/image_field.py" line="421" />
        <source>From results…</source>
        <translation>从结果中选择…</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/image_field.py" line="422" />
        <source>Choose an earlier result from the results folder</source>
        <translation>从结果文件夹中选择以前的生成结果</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/image_field.py" line="424" />
        <source>Paste</source>
        <translation>粘贴</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/image_field.py" line="424" />
        <source>Paste an image or a copied file (Ctrl+V)</source>
        <translation>粘贴图片或已复制的文件 (Ctrl+V)</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/image_field.py" line="426" />
        <source>Check URL</source>
        <translation>检查地址</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/image_field.py" line="427" />
        <source>Check the URL's headers for what the service would reject</source>
        <translation>检查地址的响应头中是否有服务会拒绝的问题</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/image_field.py" line="430" />
        <source>Paint mask…</source>
        <translation>绘制蒙版…</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/image_field.py" line="431" />
        <location filename="../../gui/widgets/image_field.py" line="811" />
        <source>Paint the mask over the base image</source>
        <translation>在原图上绘制蒙版</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/image_field.py" line="438" />
        <source>Image details</source>
        <translation>图片信息</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/image_field.py" line="439" />
        <source>URL check result</source>
        <translation>地址检查结果</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/image_field.py" line="460" />
        <source>This field takes one image; the first of {count} was used.</source>
        <translation>这个字段只接受一张图片，已使用 {count} 张中的第一张。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/image_field.py" line="488" />
        <source>Choose an image for {field}</source>
        <translation>为“{field}”选择图片</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/image_field.py" line="500" />
        <source>Choose an earlier result</source>
        <translation>选择以前的生成结果</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/image_field.py" line="597" />
        <source>The clipboard holds no image, file or text to paste.</source>
        <translation>剪贴板中没有可粘贴的图片、文件或文字。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/image_field.py" line="612" />
        <source>the image could not be written</source>
        <translation>无法写入图片</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/image_field.py" line="618" />
        <source>The pasted image could not be saved to {path}: {reason}</source>
        <translation>无法把粘贴的图片保存到 {path}：{reason}</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/image_field.py" line="683" />
        <source>{format}, {width}*{height}, {size}</source>
        <translation>{format}，{width}*{height}，{size}</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/image_field.py" line="690" />
        <source>Inline data URI: {facts}</source>
        <translation>内嵌 data URI：{facts}</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/image_field.py" line="692" />
        <source>Local file: {facts}; sent inline as a data URI.</source>
        <translation>本地文件：{facts}；以 data URI 内嵌发送。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/image_field.py" line="693" />
        <source>Local file: {facts}; uploaded when sent.</source>
        <translation>本地文件：{facts}；发送时上传。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/image_field.py" line="696" />
        <source>Web URL: the service downloads it from its own region, so it must be public and quick to reach from there.</source>
        <translation>网络地址：服务会从它所在的地域自行下载，因此该地址必须公开，并且从那里可以快速访问。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/image_field.py" line="701" />
        <source>Temporary upload (oss://): it works for 48 hours, only with the model it was uploaded for.</source>
        <translation>临时上传地址 (oss://)：有效期 48 小时，只能用于上传时指定的模型。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/image_field.py" line="719" />
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/image_field.py" line="742" />
        <source>Reachable from here: HTTP {status}, {type}, {size}.</source>
        <translation>从这里可以访问：HTTP {status}，{type}，{size}。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/image_field.py" line="751" />
        <source>The service downloads the image itself, from its own region, so a URL that works here may still fail there.</source>
        <translation>图片由服务从它所在的地域自行下载，因此在这里能访问的地址，在服务那里仍可能失败。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/image_field.py" line="778" />
        <source>Choose the base image first.</source>
        <translation>请先选择原图。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/image_field.py" line="786" />
        <source>The base image cannot be read.</source>
        <translation>无法读取原图。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/image_field.py" line="790" />
        <source>The base image is a URL; choose it as a local file to paint a mask over it.</source>
        <translation>原图是网络地址；请改为选择本地文件，才能在上面绘制蒙版。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/image_field.py" line="795" />
        <source>The base image path is relative; choose the file again.</source>
        <translation>原图路径是相对路径，请重新选择文件。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/image_field.py" line="800" />
        <source>The base image cannot be read: {reason}</source>
        <translation>无法读取原图：{reason}</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/image_field.py" line="812" />
        <source>Choose the base image as a local file first; the painter needs its pixels.</source>
        <translation>请先把原图选为本地文件；绘制蒙版需要读取原图像素。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/image_field.py" line="876" />
        <source>The URL could not be reached from this computer ({detail}).</source>
        <translation>从这台电脑无法访问该地址（{detail}）。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/image_field.py" line="877" />
        <source>The server answered HTTP {status}: the file is not there.</source>
        <translation>服务器返回 HTTP {status}：文件不存在。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/image_field.py" line="878" />
        <source>The server answered HTTP {status}, so the service cannot download it.</source>
        <translation>服务器返回 HTTP {status}，服务无法下载这个文件。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/image_field.py" line="880" />
        <source>The server sends it as {content_type}, not as an image; the service rejects a URL without an image Content-Type.</source>
        <translation>服务器返回的类型是 {content_type}，不是图片；服务会拒绝 Content-Type 不是图片类型的地址。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/image_field.py" line="883" />
        <source>The server sends a {format} image; this field accepts {formats}.</source>
        <translation>服务器返回的是 {format} 图片；这个字段只接受 {formats}。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/image_field.py" line="884" />
        <source>The file is {size}; this field accepts at most {maximum}.</source>
        <translation>文件大小为 {size}；这个字段最多接受 {maximum}。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/image_field.py" line="886" />
        <source>The server sends no Content-Length; some models fail to download such files.</source>
        <translation>服务器没有返回 Content-Length；部分模型无法下载这样的文件。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/image_field.py" line="889" />
        <source>The URL contains characters outside ASCII; encode them (for example %E5%9B%BE) or the service may reject it.</source>
        <translation>地址中含有非 ASCII 字符；请先进行编码（例如 %E5%9B%BE），否则服务可能拒绝。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/mask_painter.py" line="456" />
        <source>Paint mask</source>
        <translation>绘制蒙版</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/mask_painter.py" line="459" />
        <source>&amp;Brush</source>
        <translation>画笔(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/mask_painter.py" line="459" />
        <source>Brush: paints the area to edit (B)</source>
        <translation>画笔：绘制要修改的区域 (B)</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/mask_painter.py" line="460" />
        <source>&amp;Eraser</source>
        <translation>橡皮擦(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/mask_painter.py" line="460" />
        <source>Eraser: marks the area to keep (E)</source>
        <translation>橡皮擦：标出要保留的区域 (E)</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/mask_painter.py" line="461" />
        <source>&amp;Rectangle</source>
        <translation>矩形(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/mask_painter.py" line="461" />
        <source>Rectangle: marks a box to edit (R)</source>
        <translation>矩形：框选要修改的区域 (R)</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/mask_painter.py" line="462" />
        <source>&amp;Invert</source>
        <translation>反选(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/mask_painter.py" line="462" />
        <source>Swap the areas to edit and to keep (I)</source>
        <translation>互换要修改和要保留的区域 (I)</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/mask_painter.py" line="463" />
        <source>C&amp;lear</source>
        <translation>清除(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/mask_painter.py" line="463" />
        <source>Keep the whole image: clear the mask</source>
        <translation>清除蒙版，保留整张图片</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/mask_painter.py" line="464" />
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/mask_painter.py" line="464" />
        <source>Undo the last change (Ctrl+Z)</source>
        <translation>撤销上一步修改 (Ctrl+Z)</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/mask_painter.py" line="465" />
        <source>Re&amp;do</source>
        <translation>重做(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/mask_painter.py" line="465" />
        <source>Redo the change undone last (Ctrl+Y)</source>
        <translation>重做上一步撤销的修改 (Ctrl+Y)</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/mask_painter.py" line="472" />
        <source>Brush &amp;size</source>
        <translation>画笔大小(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/mask_painter.py" line="473" />
        <source>Brush size in image pixels ([ and ] change it)</source>
        <translation>画笔大小，单位为图片像素（按 [ 和 ] 调整）</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/mask_painter.py" line="474" />
        <source>Brush size</source>
        <translation>画笔大小</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/mask_painter.py" line="475" />
        <source>Mask canvas</source>
        <translation>蒙版画布</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/mask_painter.py" line="478" />
        <source>Arrow keys move the cursor, Shift moves faster, Space paints there. With the rectangle, Space sets the first corner and then the second.</source>
        <translation>方向键移动光标，按住 Shift 移动更快，按空格键在光标处绘制。使用矩形时，第一次按空格键确定第一个角，第二次确定对角。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/mask_painter.py" line="485" />
        <source>Red shows the area the model may change (white in the mask); the rest is kept (black). The mask is saved at {width}*{height} pixels, the size of the base image.</source>
        <translation>红色表示模型可以修改的区域（蒙版中为白色），其余部分保持不变（黑色）。蒙版按原图尺寸 {width}*{height} 像素保存。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/mask_painter.py" line="492" />
        <source>Save mask</source>
        <translation>保存蒙版</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/mask_painter.py" line="493" />
        <source>Save the mask and use it in the form (Ctrl+S)</source>
        <translation>保存蒙版并填入表单 (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/mask_painter.py" line="514" />
        <source>The mask could not be saved to {path}: {reason}</source>
        <translation>无法把蒙版保存到 {path}：{reason}</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/png_drop.py" line="158" />
        <source>Opened the request saved in {name}.</source>
        <translation>已打开保存在 {name} 中的请求。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/png_drop.py" line="178" />
        <source>{name} has no PixelPost recipe: only images saved by PixelPost carry the request behind them.</source>
        <translation>{name} 中没有 PixelPost 配方：只有 PixelPost 保存的图片才带有生成它的请求。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/png_drop.py" line="183" />
        <source>{name} is not a PNG image and has no sidecar beside it, so it has no PixelPost recipe.</source>
        <translation>{name} 不是 PNG 图片，旁边也没有附带的 JSON 文件，因此没有 PixelPost 配方。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/png_drop.py" line="186" />
        <source>The PixelPost recipe in {name} could not be read: {reason}</source>
        <translation>无法读取 {name} 中的 PixelPost 配方：{reason}</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/saved_work.py" line="151" />
        <source>Not saved: {problem}</source>
        <translation>未保存：{problem}</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/saved_work.py" line="154" />
        <source>Choose a model before saving the request.</source>
        <translation>请先选择模型再保存请求。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/saved_work.py" line="190" />
        <source>Opened the saved request {name}.</source>
        <translation>已打开已保存的请求 {name}。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/saved_work.py" line="215" />
        <source>Opened the request sent at {time}. Press Send to run it again.</source>
        <translation>已打开 {time} 发送的请求。按“发送”即可再次运行。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/saved_work.py" line="243" />
        <source>No HTTP exchange of this task was recorded.</source>
        <translation>没有记录到该任务的 HTTP 交互。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/saved_work.py" line="276" />
        <source>Export repro bundle</source>
        <translation>导出复现包</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/saved_work.py" line="279" />
        <source>Zip files (*.zip)</source>
        <translation>Zip 文件 (*.zip)</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/saved_work.py" line="300" />
        <source>The task {id} is no longer in the history.</source>
        <translation>历史记录中已没有任务 {id}。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/saved_work.py" line="306" />
        <source>The repro bundle was not saved: {reason}</source>
        <translation>复现包未保存：{reason}</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/saved_work.py" line="307" />
        <source>Saved the repro bundle to {file}: {exchanges} exchanges, {images} images.</source>
        <translation>已将复现包保存到 {file}：{exchanges} 个 HTTP 交互，{images} 张图片。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/saved_work.py" line="322" />
        <source>&amp;Save request…</source>
        <translation>保存请求(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/saved_work.py" line="323" />
        <source>Open collection folder…</source>
        <translation>打开集合文件夹…</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/saved_work.py" line="324" />
        <source>Import collection…</source>
        <translation>导入集合…</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/saved_work.py" line="325" />
        <source>Export collection…</source>
        <translation>导出集合…</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/saved_work.py" line="326" />
        <source>Estimated &amp;spend…</source>
        <translation>预估花费(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/spend_view.py" line="66" />
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/spend_view.py" line="70" />
        <location filename="../../gui/widgets/spend_view.py" line="220" />
        <source>Free quota used</source>
        <translation>已用免费额度</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/spend_view.py" line="71" />
        <source>Price per image</source>
        <translation>单价（每张）</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/spend_view.py" line="72" />
        <location filename="../../gui/widgets/spend_view.py" line="187" />
        <source>Estimated spend</source>
        <translation>预估花费</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/spend_view.py" line="190" />
        <source>Free quota is shared by the whole Alibaba Cloud account: other tools, other computers and colleagues use it too. These figures are estimates from this computer's history at catalog prices; the Billing page of the Model Studio console has the real amounts.</source>
        <translation>免费额度由整个阿里云账号共享：其他工具、其他电脑和同事也在使用。这些数字是根据本机历史记录按目录价格估算的；实际金额请以百炼控制台的费用页面为准。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/spend_view.py" line="196" />
        <source>About these figures</source>
        <translation>关于这些数字</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/spend_view.py" line="198" />
        <source>{images} images, estimated ¥{cost:.2f} after free quota.</source>
        <translation>共 {images} 张图片，扣除免费额度后预估 ¥{cost:.2f}。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/spend_view.py" line="202" />
        <source>{count} images have no known price and are not counted.</source>
        <translation>{count} 张图片价格未知，未计入。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/spend_view.py" line="206" />
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/spend_view.py" line="207" />
        <source>{model}: {used} of {quota} free images used in Beijing, {left} left.</source>
        <translation>{model}：北京地域免费额度 {quota} 张，已用 {used} 张，剩余 {left} 张。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/spend_view.py" line="215" />
        <source>No image of this history used a free quota.</source>
        <translation>本机历史记录中没有图片使用免费额度。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/spend_view.py" line="217" />
        <source>Free quotas apply in Beijing only, for 90 days after Model Studio is activated.</source>
        <translation>免费额度仅适用于北京地域，自开通百炼起 90 天内有效。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/spend_view.py" line="221" />
        <source>Images and estimated spend per model and day</source>
        <translation>按模型和日期统计的图片数与预估花费</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/spend_view.py" line="225" />
        <source>Close the spend view</source>
        <translation>关闭花费视图</translation>
    </message>
</context>
</TS>