<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Navigate</source>
        <translation>导航(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Resolve</source>
        <translation>处理(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Settle</source>
        <translation>批量处理(&amp;S)</translation>
    </message>
    <message>
        <source>S&amp;tructure</source>
        <translation>结构(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a &amp;corpus (two folders)…</source>
        <translation>打开语料库（两个文件夹）(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Undo decision</source>
        <translation>撤销处理(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo decision</source>
        <translation>重做处理(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Next conflict</source>
        <translation>下一处冲突(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Previous conflict</source>
        <translation>上一处冲突(&amp;P)</translation>
    </message>
    <message>
        <source>Next &amp;unresolved</source>
        <translation>下一处待处理(&amp;U)</translation>
    </message>
    <message>
        <source>Previous u&amp;nresolved</source>
        <translation>上一处待处理(&amp;N)</translation>
    </message>
    <message>
        <source>Next &amp;triage item</source>
        <translation>下一个分拣项(&amp;T)</translation>
    </message>
    <message>
        <source>Previous triage item</source>
        <translation>上一个分拣项</translation>
    </message>
    <message>
        <source>Next &amp;article</source>
        <translation>下一篇文章(&amp;A)</translation>
    </message>
    <message>
        <source>Previous a&amp;rticle</source>
        <translation>上一篇文章(&amp;R)</translation>
    </message>
    <message>
        <source>Next &amp;page with work left</source>
        <translation>下一个仍有待处理的页面(&amp;P)</translation>
    </message>
    <message>
        <source>Previous pa&amp;ge with work left</source>
        <translation>上一个仍有待处理的页面(&amp;G)</translation>
    </message>
    <message>
        <source>Take &amp;left</source>
        <translation>采用左侧(&amp;L)</translation>
    </message>
    <message>
        <source>Take &amp;right</source>
        <translation>采用右侧(&amp;R)</translation>
    </message>
    <message>
        <source>Take &amp;both (left, then right)</source>
        <translation>两侧都采用（先左后右）(&amp;B)</translation>
    </message>
    <message>
        <source>Take both (right, &amp;then left)</source>
        <translation>两侧都采用（先右后左）(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Edit the paragraph in context…</source>
        <translation>在上下文中编辑段落(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Keep one-sided unit / duplicate (on a title row: the article)</source>
        <translation>保留单侧单元/重复项（在标题行上：保留整篇文章）(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Drop one-sided unit / duplicate (on a title row: the article)</source>
        <translation>舍弃单侧单元/重复项（在标题行上：舍弃整篇文章）(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Forget the decision</source>
        <translation>清除处理结果(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Accept the suggestion</source>
        <translation>接受建议(&amp;A)</translation>
    </message>
    <message>
        <source>Accept suggestions ≥ 0.9 in this &amp;article</source>
        <translation>接受本篇文章中置信度 ≥ 0.9 的建议(&amp;A)</translation>
    </message>
    <message>
        <source>Accept suggestions ≥ 0.9 in the &amp;whole review…</source>
        <translation>接受整个审校中置信度 ≥ 0.9 的建议(&amp;W)…</translation>
    </message>
    <message>
        <source>Take &amp;left for the article: all its undecided conflicts</source>
        <translation>本篇文章采用左侧：所有未处理的冲突(&amp;L)</translation>
    </message>
    <message>
        <source>Take &amp;right for the article: all its undecided conflicts</source>
        <translation>本篇文章采用右侧：所有未处理的冲突(&amp;R)</translation>
    </message>
    <message>
        <source>Accept the &amp;defaults in this article (keep paragraphs, drop duplicates, noise)</source>
        <translation>接受本篇文章的默认处理（保留段落，舍弃重复项和噪声）(&amp;D)</translation>
    </message>
    <message>
        <source>Accept the defaults in the whole review…</source>
        <translation>接受整个审校的默认处理…</translation>
    </message>
    <message>
        <source>&amp;Unresolved only (conflict list)</source>
        <translation>仅显示待处理项（冲突列表）(&amp;U)</translation>
    </message>
    <message>
        <source>List: all items / conflicts / triage</source>
        <translation>列表：全部 / 冲突 / 分拣项</translation>
    </message>
    <message>
        <source>&amp;Raw source of the current unit</source>
        <translation>当前单元的原始文本(&amp;R)</translation>
    </message>
    <message>
        <source>Structure unit: &amp;next row</source>
        <translation>结构单元：下一行(&amp;N)</translation>
    </message>
    <message>
        <source>Structure unit: &amp;previous row</source>
        <translation>结构单元：上一行(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Split the article before this unit</source>
        <translation>在此单元前拆分文章(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Join the article with the previous one</source>
        <translation>将文章与上一篇合并(&amp;J)</translation>
    </message>
    <message>
        <source>&amp;Role: next (title, subtitle, byline…)</source>
        <translation>角色：下一个（标题、副标题、署名…）(&amp;R)</translation>
    </message>
    <message>
        <source>Role: previous</source>
        <translation>角色：上一个</translation>
    </message>
    <message>
        <source>&amp;Pair with a unit of the other version…</source>
        <translation>与另一版本的单元配对(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Unpair the row</source>
        <translation>取消此行配对(&amp;U)</translation>
    </message>
    <message>
        <source>Join the unit with the &amp;next (broken sentence)</source>
        <translation>将单元与下一个合并（断句）(&amp;N)</translation>
    </message>
    <message>
        <source>S&amp;plit the unit at a point… (Enter splits)</source>
        <translation>在某处拆分单元(&amp;P)…（回车拆分）</translation>
    </message>
    <message>
        <source>&amp;Move the unit to the end of the previous article</source>
        <translation>将单元移到上一篇文章末尾(&amp;M)</translation>
    </message>
    <message>
        <source>Move the unit to the start of the next article</source>
        <translation>将单元移到下一篇文章开头</translation>
    </message>
    <message>
        <source>&amp;Preview the article as its file (NN-title.txt)</source>
        <translation>按导出文件预览文章（NN-标题.txt）(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Keyboard cheat sheet</source>
        <translation>快捷键一览(&amp;K)</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>{file}: give two versions (LEFT RIGHT) or one {suffix} review file</source>
        <translation>{file}：请给出两个版本（左 右），或一个 {suffix} 审校文件</translation>
    </message>
</context>
<context>
    <name>CellContent</name>
    <message>
        <source>unresolved</source>
        <translation>待处理</translation>
    </message>
    <message>
        <source>left</source>
        <translation>左侧</translation>
    </message>
    <message>
        <source>right</source>
        <translation>右侧</translation>
    </message>
    <message>
        <source>both</source>
        <translation>两侧</translation>
    </message>
    <message>
        <source>both (R+L)</source>
        <translation>两侧（右+左）</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>已编辑</translation>
    </message>
    <message>
        <source>kept</source>
        <translation>已保留</translation>
    </message>
    <message>
        <source>dropped</source>
        <translation>已舍弃</translation>
    </message>
    <message>
        <source>from left</source>
        <translation>取自左侧</translation>
    </message>
    <message>
        <source>from right</source>
        <translation>取自右侧</translation>
    </message>
    <message>
        <source>from both</source>
        <translation>取自两侧</translation>
    </message>
    <message>
        <source>title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>subtitle</source>
        <translation>副标题</translation>
    </message>
    <message>
        <source>byline</source>
        <translation>署名</translation>
    </message>
    <message>
        <source>paragraph</source>
        <translation>段落</translation>
    </message>
    <message>
        <source>caption</source>
        <translation>图片说明</translation>
    </message>
    <message>
        <source>noise</source>
        <translation>噪声</translation>
    </message>
    <message>
        <source>duplicate</source>
        <translation>重复项</translation>
    </message>
    <message>
        <source>only here</source>
        <translation>仅此侧有</translation>
    </message>
    <message>
        <source>only in {name}</source>
        <translation>仅见于 {name}</translation>
    </message>
    <message>
        <source>— left out of the export —</source>
        <translation>— 不导出 —</translation>
    </message>
    <message>
        <source>✓ resolved · dropped</source>
        <translation>✓ 已处理 · 已舍弃</translation>
    </message>
    <message>
        <source>left out by default</source>
        <translation>默认不导出</translation>
    </message>
    <message>
        <source>{count} unresolved</source>
        <translation>{count} 处待处理</translation>
    </message>
    <message>
        <source>✓ resolved · {origin}</source>
        <translation>✓ 已处理 · {origin}</translation>
    </message>
</context>
<context>
    <name>CheatSheet</name>
    <message>
        <source>Bare keys work whenever no text field has focus. After a decision the cursor moves to the next unresolved item.</source>
        <translation>只要没有文本框处于焦点，单键即可使用。每次处理后，光标会移到下一处待处理项。</translation>
    </message>
    <message>
        <source>Rebind keys in {file}.</source>
        <translation>可在 {file} 中重新绑定按键。</translation>
    </message>
    <message>
        <source>Keyboard cheat sheet</source>
        <translation>快捷键一览</translation>
    </message>
</context>
<context>
    <name>ConflictListModel</name>
    <message>
        <source>all items</source>
        <translation>全部项</translation>
    </message>
    <message>
        <source>conflicts</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>triage</source>
        <translation>分拣项</translation>
    </message>
    <message>
        <source>L</source>
        <translation>左</translation>
    </message>
    <message>
        <source>R</source>
        <translation>右</translation>
    </message>
    <message>
        <source>only {side}: {text}</source>
        <translation>仅{side}：{text}</translation>
    </message>
    <message>
        <source>duplicate</source>
        <translation>重复项</translation>
    </message>
</context>
<context>
    <name>ContextEditor</name>
    <message>
        <source>Enter: save</source>
        <translation>Enter：保存</translation>
    </message>
    <message>
        <source>Shift+Enter: new paragraph</source>
        <translation>Shift+Enter：另起一段</translation>
    </message>
    <message>
        <source>Tab: other reading 「{other}」</source>
        <translation>Tab：换成另一读法「{other}」</translation>
    </message>
    <message>
        <source>Esc: cancel</source>
        <translation>Esc：取消</translation>
    </message>
</context>
<context>
    <name>CorpusExport</name>
    <message>
        <source>Some pages are still being aligned or failed; export when every page is ready</source>
        <translation>部分页面仍在对齐或对齐失败；请在所有页面就绪后再导出</translation>
    </message>
    <message numerus="yes">
        <source>Replaced %n article(s) in {folder}</source>
        <translation>
            <numerusform>已替换 {folder} 中的 %n 篇文章</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n article(s) in {folder}</source>
        <translation>
            <numerusform>已将 %n 篇文章写入 {folder}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>from %n page(s)</source>
        <translation>
            <numerusform>来自 %n 个页面</numerusform>
        </translation>
    </message>
    <message>
        <source>Replace the folder?</source>
        <translation>替换该文件夹？</translation>
    </message>
    <message>
        <source>{error}

Replace its contents?</source>
        <translation>{error}

替换其中的内容吗？</translation>
    </message>
    <message>
        <source>Export failed: {error}</source>
        <translation>导出失败：{error}</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Exporting the corpus to {folder}…</source>
        <translation>正在将语料库导出到 {folder}…</translation>
    </message>
    <message>
        <source>Unresolved conflicts</source>
        <translation>待处理的冲突</translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) remain unresolved</source>
        <translation>
            <numerusform>仍有 %n 处冲突待处理</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{conflicts} on %n page(s). Export anyway, using one version&apos;s reading for them?</source>
        <translation>
            <numerusform>{conflicts}，分布在 %n 个页面。仍要导出，并对这些冲突采用其中一个版本的读法吗？</numerusform>
        </translation>
    </message>
    <message>
        <source>Use left readings</source>
        <translation>采用左侧读法</translation>
    </message>
    <message>
        <source>Use right readings</source>
        <translation>采用右侧读法</translation>
    </message>
    <message>
        <source>Go to the first page</source>
        <translation>转到第一个页面</translation>
    </message>
    <message>
        <source>Export the corpus&apos;s articles to…</source>
        <translation>将语料库的文章导出到…</translation>
    </message>
</context>
<context>
    <name>CorpusTexts</name>
    <message numerus="yes">
        <source>Aligned %n page(s) in {time}</source>
        <translation>
            <numerusform>已对齐 %n 个页面，用时 {time}</numerusform>
        </translation>
    </message>
    <message>
        <source>Aligning: {done}/{total} pages · {rate} pages/s</source>
        <translation>正在对齐：{done}/{total} 个页面 · 每秒 {rate} 页</translation>
    </message>
    <message>
        <source>{time} left</source>
        <translation>剩余 {time}</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>页面</translation>
    </message>
    <message>
        <source>Reviewer — corpus {left} ↔ {right}</source>
        <translation>Reviewer — 语料库 {left} ↔ {right}</translation>
    </message>
    <message>
        <source>Pairing the folders…</source>
        <translation>正在配对文件夹…</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) aligned</source>
        <translation>
            <numerusform>已对齐 %n 个页面</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n 个失败</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unpaired file(s)</source>
        <translation>
            <numerusform>%n 个未配对文件</numerusform>
        </translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>Pre-alignment stopped: {reason}</source>
        <translation>预对齐已停止：{reason}</translation>
    </message>
    <message>
        <source>it is still being aligned</source>
        <translation>仍在对齐中</translation>
    </message>
    <message>
        <source>{page}: cannot open yet ({why})</source>
        <translation>{page}：暂时无法打开（{why}）</translation>
    </message>
    <message>
        <source>No page with conflicts left after this</source>
        <translation>此后没有仍有冲突的页面</translation>
    </message>
    <message>
        <source>No page with conflicts left before this</source>
        <translation>此前没有仍有冲突的页面</translation>
    </message>
    <message numerus="yes">
        <source>Corpus: %n page(s)</source>
        <translation>
            <numerusform>语料库：%n 个页面</numerusform>
        </translation>
    </message>
    <message>
        <source>{ready} aligned</source>
        <translation>已对齐 {ready} 个</translation>
    </message>
    <message numerus="yes">
        <source>%n article(s)</source>
        <translation>
            <numerusform>%n 篇文章</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>on %n page(s)</source>
        <translation>
            <numerusform>分布在 %n 个页面</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) left {on_pages}</source>
        <translation>
            <numerusform>剩余 %n 处冲突，{on_pages}</numerusform>
        </translation>
    </message>
    <message>
        <source>Pages — {count} with conflicts left</source>
        <translation>页面 — {count} 个仍有冲突</translation>
    </message>
</context>
<context>
    <name>Exporting</name>
    <message numerus="yes">
        <source>Replaced %n article(s) in {folder}</source>
        <translation>
            <numerusform>已替换 {folder} 中的 %n 篇文章</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n article(s) in {folder}</source>
        <translation>
            <numerusform>已将 %n 篇文章写入 {folder}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n paragraph(s)</source>
        <translation>
            <numerusform>%n 个段落</numerusform>
        </translation>
    </message>
    <message>
        <source>Replace the folder?</source>
        <translation>替换该文件夹？</translation>
    </message>
    <message>
        <source>{error}

Replace its contents?</source>
        <translation>{error}

替换其中的内容吗？</translation>
    </message>
    <message>
        <source>Export failed: {error}</source>
        <translation>导出失败：{error}</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Exporting to {folder}…</source>
        <translation>正在导出到 {folder}…</translation>
    </message>
    <message>
        <source>Unresolved conflicts</source>
        <translation>待处理的冲突</translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) remain unresolved. Export anyway, using one version&apos;s reading for them?</source>
        <translation>
            <numerusform>仍有 %n 处冲突待处理。仍要导出，并对这些冲突采用其中一个版本的读法吗？</numerusform>
        </translation>
    </message>
    <message>
        <source>Use left readings</source>
        <translation>采用左侧读法</translation>
    </message>
    <message>
        <source>Use right readings</source>
        <translation>采用右侧读法</translation>
    </message>
    <message>
        <source>Go to the first one</source>
        <translation>转到第一处</translation>
    </message>
    <message>
        <source>Export the merged articles to…</source>
        <translation>将合并后的文章导出到…</translation>
    </message>
</context>
<context>
    <name>FilePreview</name>
    <message>
        <source>No file</source>
        <translation>无文件</translation>
    </message>
    <message>
        <source>Everything in this article is dropped: export writes no file for it.</source>
        <translation>此文章的内容全部被舍弃：导出不会为它写文件。</translation>
    </message>
    <message numerus="yes">
        <source>%n undecided conflict(s) read as left</source>
        <translation>
            <numerusform>%n 个未决冲突按左侧读法显示</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find in both versions — Enter: next, Shift+Enter: previous</source>
        <translation>在两个版本中查找 — Enter：下一个，Shift+Enter：上一个</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Find:</source>
        <translation>查找：</translation>
    </message>
</context>
<context>
    <name>ItemInfo</name>
    <message>
        <source>&lt;b&gt;a&lt;/b&gt; accepts</source>
        <translation>按 &lt;b&gt;a&lt;/b&gt; 接受</translation>
    </message>
    <message>
        <source>Conflict {where} · {note}</source>
        <translation>冲突 {where} · {note}</translation>
    </message>
    <message>
        <source>Triage</source>
        <translation>分拣项</translation>
    </message>
    <message>
        <source>only in the left version</source>
        <translation>仅见于左侧版本</translation>
    </message>
    <message>
        <source>only in the right version</source>
        <translation>仅见于右侧版本</translation>
    </message>
    <message>
        <source>default: keep</source>
        <translation>默认：保留</translation>
    </message>
    <message>
        <source>default: drop</source>
        <translation>默认：舍弃</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;Space&lt;/b&gt; keeps / &lt;b&gt;x&lt;/b&gt; drops the whole article (%n unit(s))</source>
        <translation>
            <numerusform>&lt;b&gt;空格&lt;/b&gt; 保留 / &lt;b&gt;x&lt;/b&gt; 舍弃整篇文章（%n 个单元）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Keys</name>
    <message>
        <source>{file}: ignored ({problem})</source>
        <translation>{file}：已忽略（{problem}）</translation>
    </message>
    <message>
        <source>{file}: ignored (expected an object of action: [keys])</source>
        <translation>{file}：已忽略（应为“操作：[按键]”形式的对象）</translation>
    </message>
    <message>
        <source>{file}: unknown action or bad keys for {name}</source>
        <translation>{file}：{name} 是未知操作，或其按键无效</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Reviewer</source>
        <translation>Reviewer</translation>
    </message>
    <message>
        <source>Unresolved only (u)</source>
        <translation>仅待处理（u）</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>Raw source of the current unit (r)</source>
        <translation>当前单元的原始文本（r）</translation>
    </message>
    <message>
        <source>No review open</source>
        <translation>未打开审校</translation>
    </message>
    <message>
        <source>Aligning {what}…</source>
        <translation>正在对齐 {what}…</translation>
    </message>
    <message>
        <source>{stage}…</source>
        <translation>{stage}…</translation>
    </message>
    <message>
        <source>Reviewer — {left} ↔ {right}</source>
        <translation>Reviewer — {left} ↔ {right}</translation>
    </message>
    <message>
        <source>{title} (read-only)</source>
        <translation>{title}（只读）</translation>
    </message>
    <message>
        <source>Read-only: decisions are not saved</source>
        <translation>只读：处理结果不会保存</translation>
    </message>
    <message>
        <source>Ready — press ? for keys</source>
        <translation>就绪 — 按 ？查看快捷键</translation>
    </message>
    <message>
        <source>Cannot open</source>
        <translation>无法打开</translation>
    </message>
    <message>
        <source>Conflicts — {left} unresolved of {total}</source>
        <translation>冲突 — 共 {total} 项，{left} 项待处理</translation>
    </message>
    <message>
        <source>Article {index} of {count}</source>
        <translation>第 {index} 篇，共 {count} 篇</translation>
    </message>
    <message>
        <source>List shows: {kind}</source>
        <translation>列表显示：{kind}</translation>
    </message>
    <message>
        <source>not found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <source>row {row}</source>
        <translation>第 {row} 行</translation>
    </message>
    <message>
        <source>Open two versions, or a saved review</source>
        <translation>打开两个版本，或一个已保存的审校</translation>
    </message>
    <message>
        <source>Sources and reviews ({patterns});;All files (*)</source>
        <translation>源文件和审校文件 ({patterns});;所有文件 (*)</translation>
    </message>
    <message>
        <source>Choose two versions of a page (left, right), or one review file.</source>
        <translation>请选择同一页面的两个版本（左、右），或一个审校文件。</translation>
    </message>
    <message>
        <source>Corpus: the folder of the first versions</source>
        <translation>语料库：第一个版本所在的文件夹</translation>
    </message>
    <message>
        <source>Corpus: the folder of the second versions</source>
        <translation>语料库：第二个版本所在的文件夹</translation>
    </message>
    <message>
        <source>Pages: open two folders (corpus mode)</source>
        <translation>页面：请打开两个文件夹（语料库模式）</translation>
    </message>
</context>
<context>
    <name>PageNavigator</name>
    <message>
        <source>Only pages with conflicts left</source>
        <translation>仅显示仍有冲突的页面</translation>
    </message>
</context>
<context>
    <name>PageTableModel</name>
    <message>
        <source>Page</source>
        <translation>页面</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>文章</translation>
    </message>
    <message>
        <source>Conflicts left</source>
        <translation>剩余冲突</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>aligning…</source>
        <translation>对齐中…</translation>
    </message>
</context>
<context>
    <name>ParallelModel</name>
    <message>
        <source>left</source>
        <translation>左侧</translation>
    </message>
    <message>
        <source>right</source>
        <translation>右侧</translation>
    </message>
    <message>
        <source>Merged result</source>
        <translation>合并结果</translation>
    </message>
    <message>
        <source>only in {name}</source>
        <translation>仅见于 {name}</translation>
    </message>
</context>
<context>
    <name>RawPane</name>
    <message>
        <source>{name}: not in this version</source>
        <translation>{name}：此版本中没有</translation>
    </message>
    <message>
        <source>{name}: the engine gave no raw offsets for this unit</source>
        <translation>{name}：引擎未给出此单元在原文中的位置</translation>
    </message>
    <message>
        <source>{name}: line {line}, characters {start}–{end}</source>
        <translation>{name}：第 {line} 行，第 {start}–{end} 个字符</translation>
    </message>
</context>
<context>
    <name>ReadOnly</name>
    <message>
        <source>View only</source>
        <translation>仅查看</translation>
    </message>
    <message>
        <source>Save a copy…</source>
        <translation>另存副本…</translation>
    </message>
    <message>
        <source>Read-only review</source>
        <translation>只读审校</translation>
    </message>
    <message>
        <source>View only: your decisions are not saved.
Save a copy: go on reviewing in a copy elsewhere.</source>
        <translation>仅查看：处理结果不会保存。
另存副本：在别处的副本中继续审校。</translation>
    </message>
    <message>
        <source>Save a copy of the review</source>
        <translation>另存审校副本</translation>
    </message>
    <message>
        <source>Reviews (*.reviewer)</source>
        <translation>审校文件 (*.reviewer)</translation>
    </message>
</context>
<context>
    <name>Reasons</name>
    <message>
        <source>left</source>
        <translation>左侧</translation>
    </message>
    <message>
        <source>right</source>
        <translation>右侧</translation>
    </message>
    <message>
        <source>sentence</source>
        <translation>一句</translation>
    </message>
    <message>
        <source>passage</source>
        <translation>一段</translation>
    </message>
    <message>
        <source>no suggestion</source>
        <translation>无建议</translation>
    </message>
    <message>
        <source>suggests {side}: {reason} ({confidence})</source>
        <translation>建议采用{side}：{reason}（{confidence}）</translation>
    </message>
    <message>
        <source>extraction artefact on the {side}</source>
        <translation>{side}有提取残留</translation>
    </message>
    <message>
        <source>{side} lost the bracket {x}</source>
        <translation>{side}丢失了括号 {x}</translation>
    </message>
    <message>
        <source>doubled word {x}</source>
        <translation>重复的词 {x}</translation>
    </message>
    <message>
        <source>also at {where}: pasted text</source>
        <translation>亦见于 {where}：误粘贴的文字</translation>
    </message>
    <message>
        <source>{what} missing on the {side}</source>
        <translation>{side}缺少{what}</translation>
    </message>
    <message>
        <source>two valid readings: {a} / {b}</source>
        <translation>两种读法均可：{a} / {b}</translation>
    </message>
    <message>
        <source>{side} breaks the word {x}</source>
        <translation>{side}拆断了词语 {x}</translation>
    </message>
    <message>
        <source>{side} lacks {x} ({a} / {b})</source>
        <translation>{side}缺少 {x}（{a} / {b}）</translation>
    </message>
    <message>
        <source>stray {x} on the {side}</source>
        <translation>{side}多出 {x}</translation>
    </message>
    <message>
        <source>word {x} missing on the {side}</source>
        <translation>{side}缺少词语 {x}</translation>
    </message>
    <message>
        <source>{side} lacks {x}</source>
        <translation>{side}缺少 {x}</translation>
    </message>
    <message>
        <source>{side} has the rarer word {x} ({a})</source>
        <translation>{side}用词较罕见：{x}（{a}）</translation>
    </message>
    <message>
        <source>duplicate</source>
        <translation>重复项</translation>
    </message>
    <message>
        <source>duplicate of {where} (identical)</source>
        <translation>与 {where} 重复（完全相同）</translation>
    </message>
    <message>
        <source>duplicate of {where}, differs: {diffs} and {more} more</source>
        <translation>与 {where} 重复，差异：{diffs}，另有 {more} 处</translation>
    </message>
    <message>
        <source>duplicate of {where}, differs: {diffs}</source>
        <translation>与 {where} 重复，差异：{diffs}</translation>
    </message>
</context>
<context>
    <name>ReviewController</name>
    <message>
        <source>Could not save: {error}</source>
        <translation>无法保存：{error}</translation>
    </message>
    <message>
        <source>Could not open: {name}: {error}</source>
        <translation>无法打开：{name}：{error}</translation>
    </message>
    <message>
        <source>The review that was open has been closed: {error}</source>
        <translation>原先打开的审校已关闭：{error}</translation>
    </message>
    <message>
        <source>Nothing to undo</source>
        <translation>没有可撤销的操作</translation>
    </message>
    <message>
        <source>Nothing to redo</source>
        <translation>没有可重做的操作</translation>
    </message>
    <message>
        <source>No further conflict</source>
        <translation>后面没有冲突了</translation>
    </message>
    <message>
        <source>No earlier conflict</source>
        <translation>前面没有冲突了</translation>
    </message>
    <message>
        <source>No conflicts left</source>
        <translation>没有待处理的冲突了</translation>
    </message>
    <message>
        <source>Keep and drop apply to one-sided units; use 1, 2, 3, 4 or e</source>
        <translation>保留和舍弃只用于单侧单元；冲突请用 1、2、3、4 或 e</translation>
    </message>
    <message>
        <source>Only one side has this unit: keep (Space) or drop (x)</source>
        <translation>此单元仅一侧有：保留（空格）或舍弃（x）</translation>
    </message>
    <message>
        <source>article kept</source>
        <translation>文章已保留</translation>
    </message>
    <message>
        <source>article dropped</source>
        <translation>文章已舍弃</translation>
    </message>
    <message>
        <source>Nothing to do ({what})</source>
        <translation>无需处理（{what}）</translation>
    </message>
    <message numerus="yes">
        <source>{what}: %n item(s) decided (z undoes)</source>
        <translation>
            <numerusform>{what}：已处理 %n 项（按 z 撤销）</numerusform>
        </translation>
    </message>
    <message>
        <source>No suggestion for this item</source>
        <translation>此项没有建议</translation>
    </message>
    <message>
        <source>suggestions accepted in this article</source>
        <translation>已接受本篇文章的建议</translation>
    </message>
    <message>
        <source>left readings for this article</source>
        <translation>本篇文章采用左侧读法</translation>
    </message>
    <message>
        <source>right readings for this article</source>
        <translation>本篇文章采用右侧读法</translation>
    </message>
    <message>
        <source>defaults for this article</source>
        <translation>本篇文章采用默认处理</translation>
    </message>
    <message>
        <source>This paragraph cannot be split there</source>
        <translation>此段无法在此处拆分</translation>
    </message>
</context>
<context>
    <name>SettleCommands</name>
    <message>
        <source>All settled · Ctrl+E exports</source>
        <translation>全部处理完毕 · Ctrl+E 导出</translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) left</source>
        <translation>
            <numerusform>剩余 %n 处冲突</numerusform>
        </translation>
    </message>
    <message>
        <source>{conflicts} · triage settled</source>
        <translation>{conflicts} · 分拣项已处理</translation>
    </message>
    <message numerus="yes">
        <source>{conflicts} · %n triage, defaults apply</source>
        <translation>
            <numerusform>{conflicts} · %n 个分拣项，按默认处理</numerusform>
        </translation>
    </message>
    <message>
        <source>No undecided conflict has a suggestion ≥ {x}</source>
        <translation>没有置信度 ≥ {x} 的未处理冲突建议</translation>
    </message>
    <message>
        <source>Accept suggestions</source>
        <translation>接受建议</translation>
    </message>
    <message numerus="yes">
        <source>Accept %n suggested reading(s) (confidence ≥ {x}) in the whole review? One undo step.</source>
        <translation>
            <numerusform>接受整个审校中 %n 处建议读法（置信度 ≥ {x}）吗？可一步撤销。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Accept %n</source>
        <translation>
            <numerusform>接受 %n 处</numerusform>
        </translation>
    </message>
    <message>
        <source>suggestions accepted</source>
        <translation>已接受建议</translation>
    </message>
    <message>
        <source>No undecided triage item</source>
        <translation>没有未处理的分拣项</translation>
    </message>
    <message>
        <source>Accept the defaults</source>
        <translation>接受默认处理</translation>
    </message>
    <message numerus="yes">
        <source>Decide %n triage item(s) by the defaults: keep one-sided paragraphs, drop duplicates and noise? One undo step.</source>
        <translation>
            <numerusform>按默认方式处理 %n 个分拣项：保留单侧段落，舍弃重复项和噪声？可一步撤销。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Decide %n</source>
        <translation>
            <numerusform>处理 %n 项</numerusform>
        </translation>
    </message>
    <message>
        <source>defaults accepted</source>
        <translation>已接受默认处理</translation>
    </message>
    <message>
        <source>Everything is settled</source>
        <translation>全部处理完毕</translation>
    </message>
    <message numerus="yes">
        <source>All %n conflict(s) and {triage} triage items are decided.</source>
        <translation>
            <numerusform>全部 %n 处冲突和 {triage} 个分拣项均已处理。</numerusform>
        </translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>稍后</translation>
    </message>
</context>
<context>
    <name>Stages</name>
    <message>
        <source>loading the dictionary</source>
        <translation>正在加载词典</translation>
    </message>
    <message>
        <source>normalising</source>
        <translation>规范化</translation>
    </message>
    <message>
        <source>aligning</source>
        <translation>对齐</translation>
    </message>
    <message>
        <source>comparing</source>
        <translation>比较</translation>
    </message>
    <message>
        <source>done</source>
        <translation>完成</translation>
    </message>
</context>
<context>
    <name>StructureCommands</name>
    <message>
        <source>Unit: {role} 「{text}」</source>
        <translation>单元：{role}「{text}」</translation>
    </message>
    <message>
        <source>That does not apply here</source>
        <translation>此处不适用</translation>
    </message>
    <message>
        <source>{done} (z undoes)</source>
        <translation>{done}（z 撤销）</translation>
    </message>
    <message>
        <source>A new article starts at this unit</source>
        <translation>新文章从此单元开始</translation>
    </message>
    <message>
        <source>Joined with the previous article</source>
        <translation>已与上一篇文章合并</translation>
    </message>
    <message>
        <source>Role: {role}</source>
        <translation>角色：{role}</translation>
    </message>
    <message>
        <source>Joined with the next unit</source>
        <translation>已与下一个单元合并</translation>
    </message>
    <message>
        <source>Split here</source>
        <translation>已在此处拆分</translation>
    </message>
    <message>
        <source>Unpaired</source>
        <translation>已取消配对</translation>
    </message>
    <message>
        <source>No article there</source>
        <translation>那里没有文章</translation>
    </message>
    <message>
        <source>Moved to the end of the previous article</source>
        <translation>已移到上一篇文章末尾</translation>
    </message>
    <message>
        <source>Moved to the start of the next article</source>
        <translation>已移到下一篇文章开头</translation>
    </message>
    <message>
        <source>Nothing to pair with (one-sided units only)</source>
        <translation>没有可配对的单元（仅限单侧单元）</translation>
    </message>
    <message>
        <source>Paired</source>
        <translation>已配对</translation>
    </message>
</context>
</TS>
