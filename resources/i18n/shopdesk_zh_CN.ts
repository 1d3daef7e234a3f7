<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>App</name>
    <message>
        <source>ShopDesk cannot open its database</source>
        <translation>ShopDesk 无法打开数据库</translation>
    </message>
</context>
<context>
    <name>Areas</name>
    <message>
        <source>Customers</source>
        <translation>客户档案</translation>
    </message>
    <message>
        <source>Customer files arrive in the next release.</source>
        <translation>客户档案将在下一版本提供。</translation>
    </message>
    <message>
        <source>Repair orders</source>
        <translation>维修单</translation>
    </message>
    <message>
        <source>Repair orders arrive in the next release.</source>
        <translation>维修单将在下一版本提供。</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>回访与投诉</translation>
    </message>
    <message>
        <source>Follow-up calls and complaints arrive in a later release.</source>
        <translation>回访与投诉将在后续版本提供。</translation>
    </message>
    <message>
        <source>Ledger</source>
        <translation>费用台账</translation>
    </message>
    <message>
        <source>The fee ledger arrives in a later release.</source>
        <translation>费用台账将在后续版本提供。</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <source>Reports arrive in a later release.</source>
        <translation>报表将在后续版本提供。</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>{where} holds other tables and is not a ShopDesk database. Nothing was changed.</source>
        <translation>{where} 中有其他数据表，不是 ShopDesk 数据库。未做任何更改。</translation>
    </message>
    <message>
        <source>This database was written by a newer ShopDesk (schema {found}, this program knows {known}). Update ShopDesk on this desk; the database was not changed.</source>
        <translation>此数据库由更新版本的 ShopDesk 写入（结构版本 {found}，本程序支持 {known}）。请先升级本机的 ShopDesk；数据库未被更改。</translation>
    </message>
    <message>
        <source>{path} is a folder, not a database file.</source>
        <translation>{path} 是一个文件夹，不是数据库文件。</translation>
    </message>
    <message>
        <source>There is no database at {path}.</source>
        <translation>{path} 处没有数据库。</translation>
    </message>
    <message>
        <source>Cannot create a database at {path}: the folder {folder} does not exist.</source>
        <translation>无法在 {path} 创建数据库：文件夹 {folder} 不存在。</translation>
    </message>
    <message>
        <source>Cannot create a database at {path}: the folder is not writable.</source>
        <translation>无法在 {path} 创建数据库：该文件夹不可写。</translation>
    </message>
    <message>
        <source>{path} is damaged or is not a ShopDesk database ({detail}). It was not changed; restore a backup.</source>
        <translation>{path} 已损坏或不是 ShopDesk 数据库（{detail}）。文件未被更改，请从备份恢复。</translation>
    </message>
    <message>
        <source>Cannot open {path}: {detail}</source>
        <translation>无法打开 {path}：{detail}</translation>
    </message>
    <message>
        <source>Cannot write to {path}: check the file's permissions.</source>
        <translation>无法写入 {path}：请检查文件权限。</translation>
    </message>
    <message>
        <source>The shop server refused the user name or password ({where}).</source>
        <translation>店铺服务器拒绝了用户名或密码（{where}）。</translation>
    </message>
    <message>
        <source>The shop server has no such database ({where}).</source>
        <translation>店铺服务器上没有这个数据库（{where}）。</translation>
    </message>
    <message>
        <source>Cannot reach the shop server ({where}): is it on and on the network?</source>
        <translation>无法连接店铺服务器（{where}）：服务器是否开机并已联网？</translation>
    </message>
    <message>
        <source>Cannot open the database {where}: {detail}</source>
        <translation>无法打开数据库 {where}：{detail}</translation>
    </message>
    <message>
        <source>Changed by {name} at {time} — reload to see their changes.</source>
        <translation>已被 {name} 于 {time} 修改 — 请重新载入查看其更改。</translation>
    </message>
    <message>
        <source>Your role ({role}) may not do this ({permission}).</source>
        <translation>您的角色（{role}）无权执行此操作（{permission}）。</translation>
    </message>
    <message>
        <source>The shop name is required: it heads every receipt.</source>
        <translation>必须填写店名：每张单据的抬头都会用到。</translation>
    </message>
    <message>
        <source>{field} must be a whole number from {low} to {high}.</source>
        <translation>{field} 必须是 {low} 到 {high} 之间的整数。</translation>
    </message>
    <message>
        <source>Unknown receipt layout.</source>
        <translation>未知的单据版式。</translation>
    </message>
    <message>
        <source>Unknown time zone {zone}.</source>
        <translation>未知的时区 {zone}。</translation>
    </message>
    <message>
        <source>The logo is too large (at most 512 KB).</source>
        <translation>标志图片太大（最大 512 KB）。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>ShopDesk</source>
        <translation>ShopDesk 维修台</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Find a customer or order: name, pinyin (ww), phone, serial, order number …  (Ctrl+K)</source>
        <translation>查找客户或维修单：姓名、拼音首字母（ww）、电话、序列号、单号……（Ctrl+K）</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Switch user…</source>
        <translation>切换用户(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About ShopDesk</source>
        <translation>关于 ShopDesk(&amp;A)</translation>
    </message>
    <message>
        <source>Database: {0}</source>
        <translation>数据库：{0}</translation>
    </message>
    <message>
        <source>Signed in: {0} ({1})</source>
        <translation>当前用户：{0}（{1}）</translation>
    </message>
    <message>
        <source>Search is not available yet.</source>
        <translation>搜索功能尚不可用。</translation>
    </message>
    <message>
        <source>About ShopDesk</source>
        <translation>关于 ShopDesk</translation>
    </message>
    <message>
        <source>ShopDesk {0}
Customer files, repair orders, receipts, follow-ups and the fee ledger for small repair shops.</source>
        <translation>ShopDesk {0}
面向小型维修店的客户档案、维修单、单据打印、回访与费用台账。</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>ShopDesk</source>
        <translation>ShopDesk 维修台</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>Front desk</source>
        <translation>客服</translation>
    </message>
    <message>
        <source>Team lead</source>
        <translation>维修组长</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>维修员</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Shop header (printed on every receipt)</source>
        <translation>店铺抬头（打印在每张单据上）</translation>
    </message>
    <message>
        <source>Choose logo…</source>
        <translation>选择标志…</translation>
    </message>
    <message>
        <source>No logo</source>
        <translation>不用标志</translation>
    </message>
    <message>
        <source>Repair warranty terms printed on the repair receipt</source>
        <translation>打印在维修回执单上的维修保修条款</translation>
    </message>
    <message>
        <source>Shop name</source>
        <translation>店名</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>标志</translation>
    </message>
    <message>
        <source>Receipt terms</source>
        <translation>单据条款</translation>
    </message>
    <message>
        <source>Repairs</source>
        <translation>维修</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <source>A5</source>
        <translation>A5</translation>
    </message>
    <message>
        <source>80 mm receipt printer</source>
        <translation>80 毫米小票打印机</translation>
    </message>
    <message>
        <source>Repair warranty</source>
        <translation>维修保修期</translation>
    </message>
    <message>
        <source>Dispatch within</source>
        <translation>派单时限</translation>
    </message>
    <message>
        <source>Assign within</source>
        <translation>分配时限</translation>
    </message>
    <message>
        <source>Receipt layout</source>
        <translation>单据版式</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>保存设置</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>重新载入</translation>
    </message>
    <message>
        <source>Only the owner can change these settings.</source>
        <translation>只有负责人可以修改这些设置。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Choose the shop logo</source>
        <translation>选择店铺标志</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.bmp)</source>
        <translation>图片 (*.png *.jpg *.jpeg *.bmp)</translation>
    </message>
    <message>
        <source>This file is not an image ShopDesk can read.</source>
        <translation>ShopDesk 无法读取此图片文件。</translation>
    </message>
    <message>
        <source>(no logo)</source>
        <translation>（无标志）</translation>
    </message>
</context>
</TS>