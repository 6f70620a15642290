<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>HelpTexts</name>
    <message>
        <source>Where the data is: a SQLite database file, a PostgreSQL server, or an ODBC data source (any database with an ODBC driver: SQL Server, Oracle, DB2...).</source>
        <translation>数据所在之处：SQLite 数据库文件、PostgreSQL 服务器，或 ODBC 数据源（任何有 ODBC 驱动的数据库：SQL Server、Oracle、DB2……）。</translation>
    </message>
    <message>
        <source>The SQLite database file. It is opened read-only; a file that does not exist is refused rather than created.</source>
        <translation>SQLite 数据库文件。以只读方式打开；不存在的文件会被拒绝，而不会被创建。</translation>
    </message>
    <message>
        <source>The PostgreSQL server: its name or address, localhost for this machine, or the folder of its Unix socket (/var/run/postgresql).</source>
        <translation>PostgreSQL 服务器：主机名或地址，本机为 localhost，或其 Unix 套接字所在文件夹（/var/run/postgresql）。</translation>
    </message>
    <message>
        <source>The server&apos;s port; PostgreSQL listens on 5432 unless set up otherwise.</source>
        <translation>服务器端口；除非另行设置，PostgreSQL 监听 5432。</translation>
    </message>
    <message>
        <source>The name of the database on the server.</source>
        <translation>服务器上数据库的名称。</translation>
    </message>
    <message>
        <source>The user to log in as; empty for your login name.</source>
        <translation>登录所用的用户；留空则为您的登录名。</translation>
    </message>
    <message>
        <source>A data source name set up in odbc.ini, or a whole connection string without the password (DRIVER={...};SERVER=...;DATABASE=...).</source>
        <translation>在 odbc.ini 中设置的数据源名，或不含密码的完整连接字符串（DRIVER={...};SERVER=...;DATABASE=...）。</translation>
    </message>
    <message>
        <source>The password, if the server asks for one. It is kept in memory only: never in the project, the recent files or the settings, so reopening asks for it again.</source>
        <translation>密码（如服务器要求）。它只保存在内存中：从不写入项目、最近文件或设置，因此重新打开时会再次询问。</translation>
    </message>
    <message>
        <source>Connects with these fields and lists the database&apos;s tables and views; says what failed and how to fix it otherwise.</source>
        <translation>用这些字段连接并列出数据库的表和视图；否则说明哪里失败以及如何修正。</translation>
    </message>
    <message>
        <source>Read every row of the table or view chosen in the list.</source>
        <translation>读取列表中所选表或视图的全部行。</translation>
    </message>
    <message>
        <source>The database&apos;s tables and views (Test Connection lists them). Choosing one previews its first rows.</source>
        <translation>数据库的表和视图（由“测试连接”列出）。选择一个即预览其前几行。</translation>
    </message>
    <message>
        <source>Read the rows of a SELECT query instead of a whole table.</source>
        <translation>读取 SELECT 查询的行，而不是整个表。</translation>
    </message>
    <message>
        <source>A SELECT query whose rows are the data, e.g. with a WHERE clause choosing a period. It runs read-only: a query that writes is refused by the server.</source>
        <translation>一个 SELECT 查询，其结果行即为数据，例如用 WHERE 子句选取某一时期。它以只读方式运行：写入数据的查询会被服务器拒绝。</translation>
    </message>
    <message>
        <source>Reads the first 20 rows of the table or query, with the column types Open will give them.</source>
        <translation>读取表或查询的前 20 行，列类型与“打开”时相同。</translation>
    </message>
    <message>
        <source>The first rows as they will be read: numbers right-aligned, missing cells (NULL) empty.</source>
        <translation>将被读取的前几行：数字右对齐，缺失单元格（NULL）为空。</translation>
    </message>
    <message>
        <source>Reads all the rows on the Data page, with progress and Cancel, as a file is read. The connection (without the password) is kept in the project and the recent files.</source>
        <translation>像读取文件一样在“数据”页读取全部行，带进度和取消。连接（不含密码）保存在项目和最近文件中。</translation>
    </message>
    <message>
        <source>ONNX: the whole scoring pipeline as one graph, for ONNX Runtime and other ONNX engines. SQL: one SELECT that scores every row of a table in SQLite or PostgreSQL. Both give predict&apos;s scores to within 1e-5.</source>
        <translation>ONNX：把整个评分流程写成一个计算图，供 ONNX Runtime 及其他 ONNX 引擎使用。SQL：一条 SELECT 语句，在 SQLite 或 PostgreSQL 中为表的每一行评分。两者给出的分数与 predict 相差不超过 1e-5。</translation>
    </message>
    <message>
        <source>The database the SQL query is written for: SQLite (3.35 or later) or PostgreSQL (12 or later).</source>
        <translation>SQL 查询所针对的数据库：SQLite（3.35 或更高版本）或 PostgreSQL（12 或更高版本）。</translation>
    </message>
    <message>
        <source>The table (or view) the query reads, holding the model&apos;s input columns under their names; default data.</source>
        <translation>查询读取的表（或视图），其中以原列名存放模型的输入列；默认为 data。</translation>
    </message>
    <message>
        <source>Columns of the table returned first, as they are, before the predictions: IDs such as loan_id, comma-separated. The rows come in no particular order, so keep an ID.</source>
        <translation>在预测结果之前原样返回的表列：如 loan_id 等标识列，用逗号分隔。结果行的顺序不固定，因此请保留一个标识列。</translation>
    </message>
    <message>
        <source>The file to write. It may not be the model file or the data file; an existing file is replaced only after you confirm.</source>
        <translation>要写入的文件。不能是模型文件或数据文件；已存在的文件只有在您确认后才会被替换。</translation>
    </message>
    <message>
        <source>What early stopping watches on the validation rows: empty for the objective (all tasks&apos; weighted losses), or one task&apos;s metric as TASK:METRIC, METRIC being auc (binary), accuracy (multiclass), rmse (regression) or loss.</source>
        <translation>早停在验证行上监控的指标：留空表示目标函数（所有任务的加权损失），或以 任务:指标 的形式指定某一任务的指标，指标可为 auc（二分类）、accuracy（多分类）、rmse（回归）或 loss。</translation>
    </message>
    <message>
        <source>Wide &amp; deep: besides the network, a linear layer from every input straight to each task&apos;s output, penalised by the L2 penalty. It lets the model keep what a logistic regression finds. ONNX and SQL exports write it.</source>
        <translation>宽与深：在网络之外，另加一个从每个输入直接连到各任务输出的线性层，受 L2 惩罚约束。它让模型保留逻辑回归能发现的规律。ONNX 与 SQL 导出都会写出该线性层。</translation>
    </message>
    <message>
        <source>Once early stopping has chosen the number of epochs, train again from the start on the training and validation rows together for that many epochs, so that no row is wasted.</source>
        <translation>早停选定训练轮数后，在训练行与验证行合并的数据上从头重新训练同样的轮数，不浪费任何一行数据。</translation>
    </message>
    <message>
        <source>Area under the ROC curve: the chance that a random bad loan scores above a random good one. 0.5 is a coin toss, 1 a perfect ranking; it does not depend on any threshold.</source>
        <translation>ROC 曲线下面积：随机一笔坏贷款得分高于随机一笔好贷款的概率。0.5 相当于抛硬币，1 为完美排序；它与阈值无关。</translation>
    </message>
    <message>
        <source>Kolmogorov-Smirnov statistic: the largest gap between the shares of bad and of good loans scoring above a cut-off. A common credit-scoring measure of separation; 0 none, 1 complete.</source>
        <translation>KS 统计量：在某一切点以上，坏贷款占比与好贷款占比之间的最大差距。信用评分中常用的区分度指标；0 为无区分，1 为完全区分。</translation>
    </message>
    <message>
        <source>Gini coefficient (accuracy ratio) = 2 × AUC − 1: 0 for a random ranking, 1 for a perfect one.</source>
        <translation>基尼系数（准确率比）= 2 × AUC − 1：随机排序为 0，完美排序为 1。</translation>
    </message>
    <message>
        <source>Mean negative log-likelihood of the outcomes under the predicted probabilities: rewards well-calibrated probabilities, punishes confident mistakes. Lower is better.</source>
        <translation>在预测概率下实际结果的平均负对数似然：奖励校准良好的概率，惩罚过于自信的错误。越低越好。</translation>
    </message>
    <message>
        <source>Brier score: mean squared difference between the predicted probability and the outcome (0 or 1). Lower is better; at a 5% default rate, always predicting 5% scores about 0.0475.</source>
        <translation>Brier 分数：预测概率与实际结果（0 或 1）之差的平方的均值。越低越好；违约率为 5% 时，始终预测 5% 的得分约为 0.0475。</translation>
    </message>
    <message>
        <source>Share of rows classified correctly. At a low default rate it is high even for a model that flags nobody: read it with precision and recall.</source>
        <translation>分类正确的行所占比例。违约率低时，即使模型不标记任何人，准确率也很高：请结合精确率和召回率来看。</translation>
    </message>
    <message>
        <source>Of the loans flagged as positive (score at or above the threshold), the share that are positive. Undefined (—) when nothing is flagged.</source>
        <translation>被标记为正类（得分不低于阈值）的贷款中，实际为正类的比例。没有任何标记时无定义（—）。</translation>
    </message>
    <message>
        <source>Of the positive loans, the share flagged (true positive rate). Undefined (—) without positives.</source>
        <translation>正类贷款中被标记的比例（真正率）。没有正类时无定义（—）。</translation>
    </message>
    <message>
        <source>Harmonic mean of precision and recall at the threshold: high only when both are.</source>
        <translation>该阈值下精确率与召回率的调和平均：只有两者都高时才高。</translation>
    </message>
    <message>
        <source>F1 of each class, averaged with equal weight per class: a rare grade counts as much as a common one.</source>
        <translation>各类别 F1 的等权平均：稀有等级与常见等级同等重要。</translation>
    </message>
    <message>
        <source>Root mean squared error, in the task&apos;s own unit (e.g. interest-rate points): large errors weigh more.</source>
        <translation>均方根误差，单位与任务相同（如利率百分点）：大误差权重更大。</translation>
    </message>
    <message>
        <source>Mean absolute error, in the task&apos;s own unit: the typical size of an error.</source>
        <translation>平均绝对误差，单位与任务相同：误差的典型大小。</translation>
    </message>
    <message>
        <source>Share of the variance explained: 1 perfect, 0 no better than predicting the mean, below 0 worse.</source>
        <translation>被解释的方差比例：1 为完美，0 与预测均值一样，低于 0 则更差。</translation>
    </message>
    <message>
        <source>Rows of the part with a known outcome for this task.</source>
        <translation>该部分中此任务结果已知的行数。</translation>
    </message>
    <message>
        <source>Sizes of the shared layers, comma-separated, e.g. 128,64: the trunk every task learns from. Wider or more layers fit more patterns and overfit sooner.</source>
        <translation>共享层的大小，以逗号分隔，例如 128,64：所有任务共同学习的主干。层越宽或越多，拟合能力越强，也越早过拟合。</translation>
    </message>
    <message>
        <source>Units of a hidden layer in each task&apos;s own head; none puts the output right on the shared trunk.</source>
        <translation>每个任务输出头中隐藏层的单元数；“无”表示输出直接接在共享主干上。</translation>
    </message>
    <message>
        <source>Share of the shared units switched off at random in each training step, against overfitting. 0 turns it off; 0.1–0.3 is usual.</source>
        <translation>每个训练步中随机关闭的共享单元比例，用于防止过拟合。0 表示关闭；通常取 0.1–0.3。</translation>
    </message>
    <message>
        <source>Step size of the Adam optimiser. Too large and the loss jumps about; too small and training crawls. 0.001 is a sound start.</source>
        <translation>Adam 优化器的步长。过大时损失来回跳动，过小时训练进展缓慢。0.001 是稳妥的起点。</translation>
    </message>
    <message>
        <source>Rows per gradient step. Larger batches are smoother and faster per epoch, smaller ones often generalise better.</source>
        <translation>每个梯度步使用的行数。批越大越平稳、每轮越快；批越小往往泛化更好。</translation>
    </message>
    <message>
        <source>Most passes over the training rows; early stopping may end sooner.</source>
        <translation>遍历训练行的最大轮数；早停可能使训练提前结束。</translation>
    </message>
    <message>
        <source>Early stopping: end training when the validation loss has not improved for this many epochs, keeping the best epoch&apos;s weights. Off trains every epoch.</source>
        <translation>早停：验证损失连续这么多轮没有改善时结束训练，并保留最佳轮次的权重。“关闭”则训练全部轮数。</translation>
    </message>
    <message>
        <source>L2 penalty (weight decay) on the weights: larger values keep them small and the model simpler.</source>
        <translation>对权重的 L2 惩罚（权重衰减）：值越大，权重越小，模型越简单。</translation>
    </message>
    <message>
        <source>Share of the rows the model is fitted on.</source>
        <translation>用于拟合模型的行所占比例。</translation>
    </message>
    <message>
        <source>Share of the rows held out to watch overfitting and for early stopping; not fitted.</source>
        <translation>留出用于监测过拟合和早停的行所占比例；不参与拟合。</translation>
    </message>
    <message>
        <source>Seed of the random split and of the initial weights: the same seed, data and settings give the same model.</source>
        <translation>随机划分和初始权重的种子：相同的种子、数据和设置得到相同的模型。</translation>
    </message>
    <message>
        <source>A separate labelled file to test on (an out-of-time sample, say); without one, the rows left after the training and validation shares are the test part.</source>
        <translation>用于测试的单独带标签文件（例如跨时间样本）；若不指定，训练集和验证集之外的剩余行即为测试集。</translation>
    </message>
    <message>
        <source>A text column becomes one indicator per value; only this many of its most frequent values are kept, the rest pooled as &quot;other&quot;.</source>
        <translation>文本列的每个取值变为一个指示变量；只保留出现最频繁的这么多个取值，其余合并为“other”。</translation>
    </message>
    <message>
        <source>A value of a text column needs this many training rows to get its own indicator; rarer ones are pooled as &quot;other&quot;.</source>
        <translation>文本列的某个取值至少需要这么多训练行才有自己的指示变量；更稀有的取值合并为“other”。</translation>
    </message>
    <message>
        <source>Adds a 0/1 column per numeric feature telling whether the value was missing, so that missingness itself can predict (it often does in credit data).</source>
        <translation>为每个数值特征添加一个 0/1 列，表示该值是否缺失，使缺失本身也能用于预测（在信贷数据中常常如此）。</translation>
    </message>
    <message>
        <source>The language of the workbench, from the next start.</source>
        <translation>工作台的界面语言，下次启动时生效。</translation>
    </message>
    <message>
        <source>Puts every setting back to its default; Edit ▸ Undo brings your values back.</source>
        <translation>将所有设置恢复为默认值；“编辑 ▸ 撤销”可恢复您的设置。</translation>
    </message>
    <message>
        <source>How the tasks share the network: one shared trunk (shared bottom), a mixture of shared experts each task gates (MMoE), shared and task-own experts (PLE), or task-specific attention over the features.</source>
        <translation>各任务如何共享网络：一个共享主干（共享底层）、由各任务门控的共享专家混合（MMoE）、共享专家与任务专属专家（PLE），或针对特征的任务特定注意力。</translation>
    </message>
    <message>
        <source>MMoE and PLE: the number of shared expert networks the tasks mix.</source>
        <translation>MMoE 与 PLE：各任务混合使用的共享专家网络数量。</translation>
    </message>
    <message>
        <source>PLE: the number of experts each task has for itself, beside the shared ones.</source>
        <translation>PLE：除共享专家外，每个任务专属的专家数量。</translation>
    </message>
    <message>
        <source>How the task weights evolve during training; the lambdas multiply them. Fixed keeps the lambdas; Uncertainty learns a weight per task from its noise; GradNorm balances the tasks&apos; gradient sizes; DWA favours tasks whose loss falls slowly; PCGrad removes the conflicting part of the tasks&apos; gradients.</source>
        <translation>训练过程中任务权重如何变化；lambda 与之相乘。固定：保持 lambda；不确定性：根据各任务的噪声学习权重；GradNorm：平衡各任务梯度大小；DWA：偏向损失下降较慢的任务；PCGrad：去除任务梯度之间相互冲突的部分。</translation>
    </message>
    <message>
        <source>GradNorm&apos;s asymmetry: 0 equalises the tasks&apos; gradient sizes; larger values give more weight to the tasks that train more slowly. 1.5 is the paper&apos;s default.</source>
        <translation>GradNorm 的非对称参数：0 使各任务梯度大小相等；值越大，越偏重训练较慢的任务。论文默认值为 1.5。</translation>
    </message>
    <message>
        <source>Dynamic weight average&apos;s temperature: low values shift weight sharply to the task whose loss falls slowest, high values keep the weights near equal. 2 is usual.</source>
        <translation>动态权重平均（DWA）的温度：值低时权重急剧偏向损失下降最慢的任务，值高时各权重接近相等。通常取 2。</translation>
    </message>
    <message>
        <source>Lambda of %1: the weight of its loss in the training objective. Twice the lambda of another task, twice its pull on the shared layers; 0 leaves it out of training.</source>
        <translation>%1 的 lambda：其损失在训练目标中的权重。lambda 是另一任务的两倍，对共享层的影响也是两倍；0 表示不参与训练。</translation>
    </message>
    <message>
        <source>log loss</source>
        <translation>对数损失</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>precision</source>
        <translation>精确率</translation>
    </message>
    <message>
        <source>recall</source>
        <translation>召回率</translation>
    </message>
    <message>
        <source>macro-F1</source>
        <translation>宏平均 F1</translation>
    </message>
    <message>
        <source>rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <source>How %1 is used: as a feature (an input of the model), as a task (a target the model learns to predict) or ignored.</source>
        <translation>%1 的用途：作为特征（模型的输入）、作为任务（模型要学会预测的目标）或忽略。</translation>
    </message>
    <message>
        <source>What kind of target %1 is: binary (two outcomes, such as default or not), multiclass (several classes, such as a grade) or regression (a number, such as an interest rate).</source>
        <translation>%1 是哪种目标：二分类（两种结果，如是否违约）、多分类（多个类别，如贷款等级）或回归（一个数值，如利率）。</translation>
    </message>
    <message>
        <source>The value of %1 that counts as positive: the event the score predicts (a default, a bad loan). It defaults to the rarer of the two values.</source>
        <translation>%1 中视为正类的取值：评分所预测的事件（违约、坏贷款）。默认为两个取值中较少见的一个。</translation>
    </message>
    <message>
        <source>The task (target column) the metric is computed for.</source>
        <translation>计算该指标所针对的任务（目标列）。</translation>
    </message>
    <message>
        <source>The measure; hover over a name for what it means. Metrics at @0.5 count a row as flagged when its score is at least 0.5.</source>
        <translation>衡量指标；将鼠标悬停在名称上可查看其含义。标有 @0.5 的指标在评分不低于 0.5 时将该行计为被标记。</translation>
    </message>
    <message>
        <source>On the rows the model was fitted on: optimistic, since the model has seen them. A large gap to the test part means overfitting.</source>
        <translation>在用于拟合模型的行上计算：由于模型见过这些行，结果偏乐观。与测试部分差距很大说明过拟合。</translation>
    </message>
    <message>
        <source>On the rows held out to choose the stopping epoch: slightly optimistic, since they chose it.</source>
        <translation>在留出用于选择停止轮次的行上计算：由于停止轮次是据此选择的，结果略偏乐观。</translation>
    </message>
    <message>
        <source>On the rows the model never saw (or every row of a separate test file): the figure to report.</source>
        <translation>在模型从未见过的行上（或单独测试文件的全部行上）计算：应当报告的数字。</translation>
    </message>
    <message>
        <source>The order of the tasks: of the model&apos;s heads, and so of its reports, tables and files. Drag a task, or use Move up and Move down. The command line takes its order from its --task options.</source>
        <translation>任务的顺序：即模型各输出头的顺序，因而也是报告、表格和文件中的顺序。拖动任务，或使用“上移”“下移”调整。命令行按其 --task 选项的顺序排列任务。</translation>
    </message>
    <message>
        <source>Moves the selected task one place up in the task order; Edit ▸ Undo moves it back.</source>
        <translation>将所选任务在任务顺序中上移一位；“编辑 ▸ 撤销”可将其移回。</translation>
    </message>
    <message>
        <source>Moves the selected task one place down in the task order; Edit ▸ Undo moves it back.</source>
        <translation>将所选任务在任务顺序中下移一位；“编辑 ▸ 撤销”可将其移回。</translation>
    </message>
    <message>
        <source>Chooses a separate labelled file to test on.</source>
        <translation>选择一个单独的带标签文件用于测试。</translation>
    </message>
    <message>
        <source>The character between the fields of a line. Detect picks, among comma, semicolon, tab and pipe, the one that splits the first lines into the same number of fields most consistently.</source>
        <translation>一行中各字段之间的字符。“自动检测”会在逗号、分号、制表符和竖线中，选出把前几行最一致地分成相同字段数的那一个。</translation>
    </message>
    <message>
        <source>Whether the first line names the columns. Without it the columns are called V1, V2, ... and the first line is data.</source>
        <translation>第一行是否为列名。若不是，各列命名为 V1、V2……，第一行作为数据。</translation>
    </message>
    <message>
        <source>How the bytes of the file become text. Detect reads UTF-8 (or UTF-16 with a byte-order mark) and, for a file that is not, tells Chinese GB18030 from Western Windows-1252 by its bytes; choose an encoding to override it.</source>
        <translation>文件的字节如何转换为文本。“自动检测”按 UTF-8（或带字节顺序标记的 UTF-16）读取；若文件不是，则根据字节特征区分中文 GB18030 与西欧 Windows-1252。选择一种编码可覆盖检测结果。</translation>
    </message>
    <message>
        <source>The task whose metrics and charts are shown.</source>
        <translation>显示其指标和图表的任务。</translation>
    </message>
    <message>
        <source>The binary task whose ROC curves of the selected runs are drawn over one another.</source>
        <translation>将所选运行在该二分类任务上的 ROC 曲线叠加绘制。</translation>
    </message>
    <message>
        <source>The decision threshold: a loan whose score is at or above it is flagged (declined or reviewed). Lower, and more bad loans are caught (recall) at the price of more good ones turned away; the confusion matrix and the rates below follow it. It does not change AUC, KS or Gini.</source>
        <translation>决策阈值：评分不低于该值的贷款会被标记（拒绝或转人工审核）。阈值越低，捕获的坏贷款越多（召回率），代价是拒绝更多好贷款；下方的混淆矩阵和各比率随之变化。它不改变 AUC、KS 或基尼系数。</translation>
    </message>
    <message>
        <source>Shows only the columns whose name contains this text.</source>
        <translation>只显示名称中包含此文本的列。</translation>
    </message>
    <message>
        <source>The binary task whose event (a bad loan) the bins are grouped by: each feature&apos;s bins, WoE and IV measure how well it tells events from non-events.</source>
        <translation>分箱所依据的二分类任务的事件（如坏账）：每个特征的分箱、WoE 和 IV 衡量它区分事件与非事件的能力。</translation>
    </message>
    <message>
        <source>Bins every feature against the task (optimal monotone bins; missing values in a bin of their own) and lists them by information value, strongest first.</source>
        <translation>按该任务对每个特征分箱（最优单调分箱；缺失值单独成箱），并按信息值从强到弱列出。</translation>
    </message>
    <message>
        <source>Stops the screening; the table keeps what it showed.</source>
        <translation>停止筛选；表格保留已显示的内容。</translation>
    </message>
    <message>
        <source>Every feature by information value (IV): its strength band, the AUC and Gini of its WoE alone, its share of missing values and its number of bins. Select one to see and group its bins.</source>
        <translation>按信息值（IV）排列的所有特征：强度等级、仅用其 WoE 的 AUC 和 Gini、缺失值占比及分箱数。选中一个特征即可查看并调整它的分箱。</translation>
    </message>
    <message>
        <source>The bins of the selected feature: range or levels, rows, share, events, bad rate, weight of evidence (WoE) and the bin&apos;s part of the IV. Select adjacent bins to merge them, or one range bin to split it.</source>
        <translation>所选特征的分箱：区间或取值、行数、占比、事件数、坏账率、证据权重（WoE）及该箱对 IV 的贡献。选中相邻分箱可合并，选中一个区间分箱可拆分。</translation>
    </message>
    <message>
        <source>Joins the selected adjacent bins into one; IV, WoE and the trend follow at once. Edit ▸ Undo brings the bins back.</source>
        <translation>把所选的相邻分箱合并为一个；IV、WoE 和趋势立即更新。“编辑 ▸ 撤销”可恢复原分箱。</translation>
    </message>
    <message>
        <source>Where to split the selected range bin: a number inside it. Values up to the boundary go to the lower bin, values above it to the upper.</source>
        <translation>所选区间分箱的拆分位置：分箱内的一个数。不大于边界的值归入下方分箱，大于边界的值归入上方分箱。</translation>
    </message>
    <message>
        <source>Splits the selected range bin at the typed boundary; Edit ▸ Undo joins it again.</source>
        <translation>在输入的边界处拆分所选区间分箱；“编辑 ▸ 撤销”可将其重新合并。</translation>
    </message>
    <message>
        <source>Puts the selected feature&apos;s bins back to the optimal binning; Edit ▸ Undo brings your grouping back.</source>
        <translation>将所选特征的分箱恢复为最优分箱；“编辑 ▸ 撤销”可找回你的分组。</translation>
    </message>
    <message>
        <source>How many score bands the gains table has: 10 gives deciles, 20 ventiles. The rows are ranked by score, riskiest first, and cut into bands of equal size; tied scores stay in one band. The same table as evaluate --gains N.</source>
        <translation>收益表的评分分段数：10 为十分位，20 为二十分位。各行按评分排序（风险最高者在前），切成大小相同的分段；评分相同的行留在同一分段。与 evaluate --gains N 的表相同。</translation>
    </message>
    <message>
        <source>The gains table: per score band, riskiest first, its rows, bads and bad rate, the cumulative shares of bads and goods down to it, the KS at its lower edge and its lift. Right-click to copy it or save it as CSV.</source>
        <translation>收益表：按评分分段（风险最高者在前）列出行数、坏样本数和坏账率，到该分段为止的累计坏样本与好样本占比，分段下边界处的 KS 及提升度。右键可复制或另存为 CSV。</translation>
    </message>
    <message>
        <source>Copies the gains table as tab-separated text, ready to paste into a spreadsheet.</source>
        <translation>将收益表复制为制表符分隔的文本，可直接粘贴到电子表格。</translation>
    </message>
    <message>
        <source>Saves the gains table as a CSV file.</source>
        <translation>将收益表保存为 CSV 文件。</translation>
    </message>
    <message>
        <source>How the accept/decline cut-off is chosen: the lowest expected cost given the cost of each kind of error, the most approvals within a target approval rate, or the most approvals while the bad rate among them stays within a maximum. An applicant whose score is at or above the cut-off is declined.</source>
        <translation>批准/拒绝截断点的选择方式：按两类错误各自的成本取预期成本最低者；在目标批准率之内批准尽可能多的申请人；或在获批客户坏账率不超过上限的前提下批准尽可能多的申请人。评分不低于截断点的申请人被拒绝。</translation>
    </message>
    <message>
        <source>What approving a loan that goes bad costs, such as the loss given default (a false negative). Only the ratio of the two costs moves the cut-off. The same as evaluate --cost-fn.</source>
        <translation>批准一笔最终变坏的贷款的成本，如违约损失（假负例）。只有两项成本之比会影响截断点。与 evaluate --cost-fn 相同。</translation>
    </message>
    <message>
        <source>What declining a loan that would have been good costs, such as the lost margin (a false positive). The same as evaluate --cost-fp.</source>
        <translation>拒绝一笔本会正常还款的贷款的成本，如损失的利润（假正例）。与 evaluate --cost-fp 相同。</translation>
    </message>
    <message>
        <source>The largest share of applicants to approve (0 to 1); the cut-off approves as many as possible within it. The same as evaluate --target-approval.</source>
        <translation>最多批准的申请人比例（0 到 1）；截断点在此范围内批准尽可能多的申请人。与 evaluate --target-approval 相同。</translation>
    </message>
    <message>
        <source>The highest bad rate acceptable among the approved (0 to 1); the cut-off approves as many as possible within it. The same as evaluate --max-bad-rate.</source>
        <translation>获批客户中可接受的最高坏账率（0 到 1）；截断点在此范围内批准尽可能多的申请人。与 evaluate --max-bad-rate 相同。</translation>
        <source>Scores every row of a data file with the current model; the file needs the columns the model was trained on. A file with the task columns is also evaluated.</source>
        <translation>用当前模型为数据文件的每一行评分；文件须含有模型训练时用到的列。含有任务列的文件还会被评估。</translation>
    </message>
    <message>
        <source>Writes the predictions shown, with the points and reasons asked for, to a CSV file: the same file creditmtl-cli predict writes.</source>
        <translation>将显示的预测结果（连同所选的分值和原因）写入 CSV 文件：与 creditmtl-cli predict 写出的文件相同。</translation>
    </message>
    <message>
        <source>Adds &lt;task&gt;.points to each binary task: the score scaled to 600 points at odds of 50 good to 1 bad, 20 points to double the odds (higher is safer), as predict --points.</source>
        <translation>为每个二分类任务添加 &lt;task&gt;.points：按好坏比 50:1 时 600 分、比率翻倍加 20 分（PDO）换算的分值（越高越安全），与 predict --points 相同。</translation>
    </message>
    <message>
        <source>Adds &lt;task&gt;.reason1..K to each binary task: the input columns that pushed the row&apos;s score towards the bad outcome most (integrated gradients from an average applicant), largest first, as predict --reasons K.</source>
        <translation>为每个二分类任务添加 &lt;task&gt;.reason1..K：使该行分数最偏向坏结果的输入列（相对于平均申请人的积分梯度），从大到小，与 predict --reasons K 相同。</translation>
    </message>
    <message>
        <source>How many reasons (K) to give per row and binary task.</source>
        <translation>每行每个二分类任务给出的原因个数 (K)。</translation>
    </message>
    <message>
        <source>Compares the scored file with the data set loaded on the Data page (normally the training file): PSI of each task&apos;s score, CSI of each input column, as creditmtl-cli psi.</source>
        <translation>将已评分文件与“数据”页载入的数据集（通常为训练文件）比较：各任务分数的 PSI、各输入列的 CSI，与 creditmtl-cli psi 相同。</translation>
    </message>
    <message>
        <source>Stops the scoring, saving or comparison under way; what was shown stays.</source>
        <translation>停止正在进行的评分、保存或比较；已显示的内容保留。</translation>
    </message>
    <message>
        <source>Stability index of each score (PSI) and input column (CSI) between the loaded data and the scored file: below 0.1 stable, 0.1 to 0.25 watch, above 0.25 shift.</source>
        <translation>已载入数据与已评分文件之间各分数 (PSI) 和各输入列 (CSI) 的稳定性指数：低于 0.1 为稳定，0.1 至 0.25 需关注，高于 0.25 为偏移。</translation>
    </message>
    <message>
        <source>The labelled data the importance is measured on: the loaded data set or the last scored file (better: rows the model was not trained on).</source>
        <translation>度量重要性所用的带标签数据：已载入的数据集或最近评分的文件（最好是模型未曾训练过的行）。</translation>
    </message>
    <message>
        <source>How many times each column is shuffled; the mean drop and its spread (standard deviation, lowest and highest) are over these repeats.</source>
        <translation>每列打乱的次数；平均下降及其离散程度（标准差、最小值和最大值）按这些重复计算。</translation>
    </message>
    <message>
        <source>Seed of the shuffles: the same seed gives the same figures, as creditmtl-cli importance --seed.</source>
        <translation>打乱所用的种子：相同的种子得到相同的数字，与 creditmtl-cli importance --seed 相同。</translation>
    </message>
    <message>
        <source>Shuffles each input column in turn and measures how much each task&apos;s metric worsens, on a background thread.</source>
        <translation>在后台线程中依次打乱每个输入列，并度量各任务的指标变差多少。</translation>
    </message>
    <message>
        <source>Stops the computation at the next shuffle; the figures shown stay.</source>
        <translation>在下一次打乱时停止计算；已显示的数字保留。</translation>
    </message>
    <message>
        <source>The task whose importances are listed.</source>
        <translation>列出其重要性的任务。</translation>
    </message>
    <message>
        <source>Each input column&apos;s drop in the task&apos;s metric when it is shuffled: mean over the repeats, standard deviation, lowest and highest. Near 0 or below: the model does not rely on it.</source>
        <translation>打乱各输入列时该任务指标的下降：各次重复的平均值、标准差、最小值和最大值。接近 0 或为负：模型并不依赖该列。</translation>
        <source>Which features are replaced by the weight of evidence (WoE) of their bin against a binary task, instead of being scaled or one-hot encoded: none, every feature, or the columns you check. The bins are fitted on the training rows only and saved in the model (the command line&apos;s --woe).</source>
        <translation>哪些特征被替换为其所在分箱相对某个二分类任务的证据权重（WoE），而不是标准化或独热编码：无、所有特征，或你勾选的列。分箱只在训练行上拟合并保存在模型中（对应命令行的 --woe）。</translation>
    </message>
    <message>
        <source>The features replaced by their WoE when WoE inputs are Chosen columns: check each one.</source>
        <translation>当 WoE 输入为“选定的列”时被替换为 WoE 的特征：逐个勾选。</translation>
    </message>
    <message>
        <source>The binary task whose event (a bad loan) the WoE inputs are binned against (--woe-task). Bins grouped by hand on the Binning page for this task are used for their features, recounted on the training rows (--binning).</source>
        <translation>WoE 输入分箱所依据的二分类任务的事件（如坏账）（--woe-task）。“分箱”页上针对该任务手动分组的分箱会用于相应特征，并按训练行重新计数（--binning）。</translation>
    </message>
    <message>
        <source>Fits a points scorecard for the task: a logistic regression on the weight of evidence of every feature&apos;s bins (your grouped bins where you grouped them), scaled to points, shown as a points table you can save.</source>
        <translation>为该任务拟合评分卡：对每个特征分箱的证据权重做逻辑回归（已手动分组的特征使用你的分组），换算为分数，并以可保存的分数表显示。</translation>
    </message>
    <message>
        <source>The score of an applicant at the base odds (600 by default).</source>
        <translation>处于基准比率时申请人的分数（默认 600）。</translation>
    </message>
    <message>
        <source>The odds of a good loan against a bad one at the base points: 50 means 50 good for every bad (50:1).</source>
        <translation>基准分处好贷款对坏贷款的比率：50 表示每 1 笔坏贷款对应 50 笔好贷款（50:1）。</translation>
    </message>
    <message>
        <source>Points to double the odds (PDO): every this many more points, the odds of a good loan double (20 by default).</source>
        <translation>比率翻倍分数（PDO）：分数每增加这么多，好贷款的比率翻一倍（默认 20）。</translation>
    </message>
    <message>
        <source>Fits the scorecard again with the scaling above, on a worker thread.</source>
        <translation>在后台线程中按上面的刻度重新拟合评分卡。</translation>
    </message>
    <message>
        <source>Every bin of every feature in the scorecard: its weight of evidence, the feature&apos;s coefficient and the bin&apos;s points (factor × coefficient × WoE). An applicant&apos;s score is the intercept&apos;s points plus the points of their bins.</source>
        <translation>评分卡中每个特征的每个分箱：其证据权重、该特征的系数及该分箱的分数（因子 × 系数 × WoE）。申请人的总分是截距分数加上其所在各分箱的分数。</translation>
    </message>
    <message>
        <source>Writes the points table as CSV, the file creditmtl-cli scorecard --out writes.</source>
        <translation>将分数表写为 CSV，与 creditmtl-cli scorecard --out 写出的文件相同。</translation>
    </message>
    <message>
        <source>Writes the scorecard as JSON, the file creditmtl-cli scorecard --json writes, which predict --scorecard and export --scorecard read.</source>
        <translation>将评分卡写为 JSON，与 creditmtl-cli scorecard --json 写出的文件相同，可供 predict --scorecard 与 export --scorecard 读取。</translation>
    </message>
    <message>
        <source>The binary task whose scorecard is fitted on the accepts and refitted with the declined; its positive class is the bad outcome.</source>
        <translation>用于在通过申请人上拟合评分卡并加入被拒申请人重新拟合的二分类任务；其正类即坏结果。</translation>
    </message>
    <message>
        <source>The declined applicants: a CSV, SAS, Stata or SPSS file with the accepts&apos; feature columns and no outcome (the task&apos;s column absent or empty), as creditmtl-cli reject-inference --rejects.</source>
        <translation>被拒申请人：含有与通过申请人相同特征列、没有结果（任务列缺失或为空）的 CSV、SAS、Stata 或 SPSS 文件，同 creditmtl-cli reject-inference --rejects。</translation>
    </message>
    <message>
        <source>Fuzzy augmentation weights each declined applicant as bad and as good by the accepts-only card&apos;s P(bad); parcelling labels them bad per score band at the accepts&apos; bad rate times the parcel factor.</source>
        <translation>模糊扩充按仅用通过申请人评分卡的 P(坏) 将每个被拒申请人分别作为坏和好加权；分组打包按分数段以通过申请人坏账率乘以打包系数的比例将其标为坏。</translation>
    </message>
    <message>
        <source>Parcelling: the declined applicants&apos; bad rate in a score band is the accepts&apos; times this (1 = alike, above 1 = the declined are worse: a judgement the data cannot estimate), as --parcel-factor.</source>
        <translation>分组打包：某分数段中被拒申请人的坏账率为通过申请人坏账率乘以此系数（1 = 相同，大于 1 = 被拒者更差：这是数据无法估计的判断），同 --parcel-factor。</translation>
    </message>
    <message>
        <source>Parcelling: how many score bands the accepts&apos; scores are cut into at their quantiles, as --parcel-bands.</source>
        <translation>分组打包：按分位数将通过申请人的分数切分为多少个分段，同 --parcel-bands。</translation>
    </message>
    <message>
        <source>Each declined applicant&apos;s total weight in the refit (an accept weighs 1), as --reject-weight.</source>
        <translation>每个被拒申请人在重新拟合中的总权重（通过申请人权重为 1），同 --reject-weight。</translation>
    </message>
    <message>
        <source>The share of accepts held out, stratified by outcome, to compare the two cards on; the cards are fitted on the rest, as --holdout.</source>
        <translation>按结果分层留出、用于比较两张评分卡的通过申请人比例；评分卡在其余行上拟合，同 --holdout。</translation>
    </message>
    <message>
        <source>Seed of the held-out split, the parcelling and the bootstrap: the same seed gives the figures of creditmtl-cli reject-inference --seed.</source>
        <translation>留出划分、分组打包和自助法的随机种子：相同的种子给出与 creditmtl-cli reject-inference --seed 相同的结果。</translation>
    </message>
    <message>
        <source>Fits the accepts-only card, infers the declined applicants&apos; outcomes, refits and compares the two cards, on a worker thread.</source>
        <translation>在后台线程上拟合仅用通过申请人的评分卡，推断被拒申请人的结果，重新拟合并比较两张评分卡。</translation>
    </message>
    <message>
        <source>Stops the run; the results shown, if any, stay the previous run&apos;s.</source>
        <translation>停止运行；若有显示的结果，仍为上一次运行的结果。</translation>
    </message>
    <message>
        <source>Both cards on the held-out accepts (AUC, with the 95% paired bootstrap interval of the difference) and the mean P(bad) each gives the held-out accepts and the declined.</source>
        <translation>两张评分卡在留出的通过申请人上的表现（AUC 及其差值的 95% 配对自助法区间），以及各自给出的留出通过申请人和被拒申请人的平均 P(坏)。</translation>
    </message>
    <message>
        <source>Parcelling: each score band&apos;s accepts and their bad rate, the declined in it and how many of them were labelled bad.</source>
        <translation>分组打包：每个分数段中的通过申请人及其坏账率、该段的被拒申请人以及其中被标为坏的人数。</translation>
    </message>
    <message>
        <source>Writes the card with reject inference as CSV, the file creditmtl-cli reject-inference --out writes.</source>
        <translation>将含拒绝推断的评分卡写为 CSV，与 creditmtl-cli reject-inference --out 写出的文件相同。</translation>
    </message>
    <message>
        <source>Writes the card with reject inference as JSON, the file creditmtl-cli reject-inference --json writes, which predict --scorecard reads.</source>
        <translation>将含拒绝推断的评分卡写为 JSON，与 creditmtl-cli reject-inference --json 写出的文件相同，可供 predict --scorecard 读取。</translation>
    </message>
</context>
<context>
    <name>RunRecord</name>
    <message>
        <source>%1 on %2</source>
        <translation>%1（在 %2 上）</translation>
    </message>
</context>
<context>
    <name>cmtl::ui::BinaryTaskPanel</name>
    <message>
        <source>Decision threshold</source>
        <translation>决策阈值</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>阈值</translation>
    </message>
    <message>
        <source>Threshold value</source>
        <translation>阈值数值</translation>
    </message>
    <message>
        <source>True positives</source>
        <translation>真正例</translation>
    </message>
    <message>
        <source>False negatives</source>
        <translation>假负例</translation>
    </message>
    <message>
        <source>False positives</source>
        <translation>假正例</translation>
    </message>
    <message>
        <source>True negatives</source>
        <translation>真负例</translation>
    </message>
    <message>
        <source>actual ↓ / predicted →</source>
        <translation>实际 ↓ / 预测 →</translation>
    </message>
    <message>
        <source>Precision:</source>
        <translation>精确率：</translation>
    </message>
    <message>
        <source>Recall (TPR):</source>
        <translation>召回率（TPR）：</translation>
    </message>
    <message>
        <source>F1:</source>
        <translation>F1：</translation>
    </message>
    <message>
        <source>Accuracy:</source>
        <translation>准确率：</translation>
    </message>
    <message>
        <source>KS</source>
        <translation>KS</translation>
    </message>
    <message>
        <source>Score distribution</source>
        <translation>得分分布</translation>
    </message>
    <message>
        <source>Score charts</source>
        <translation>得分图表</translation>
    </message>
    <message>
        <source>Calibration</source>
        <translation>校准</translation>
    </message>
    <message>
        <source>positive</source>
        <translation>正类</translation>
    </message>
    <message>
        <source>negative</source>
        <translation>负类</translation>
    </message>
    <message>
        <source>predicted %1</source>
        <translation>预测为 %1</translation>
    </message>
    <message>
        <source>actual %1</source>
        <translation>实际为 %1</translation>
    </message>
    <message>
        <source>%1 (positive)</source>
        <translation>%1（正类）</translation>
    </message>
    <message>
        <source>%1 (negative)</source>
        <translation>%1（负类）</translation>
    </message>
    <message>
        <source>Per-row scores are not stored in a model file: score a labelled file on the Scoring page to explore thresholds.</source>
        <translation>模型文件不保存逐行得分：请在“评分”页面对带标签的文件评分后再探索阈值。</translation>
    </message>
    <message>
        <source>Score ≥ %1 flags %2 of %3 rows (%4%) on the %5 part.</source>
        <translation>得分 ≥ %1 时，在%5部分的 %3 行中标记 %2 行（%4%）。</translation>
    </message>
    <message>
        <source>evaluation</source>
        <translation>评估</translation>
    </message>
    <message>
        <source>Starts at the KS-optimal cut-off %1, where the two classes&apos; cumulative shares differ most (KS %2).</source>
        <translation>起始于 KS 最优切点 %1：两类的累计占比在此相差最大（KS %2）。</translation>
    </message>
    <message>
        <source>Starts at the base rate %1 (the share of positives): a score above it is riskier than average.</source>
        <translation>起始于基准比例 %1（正类占比）：得分高于它即风险高于平均。</translation>
    </message>
    <message>
        <source>Undefined: no row is flagged at this threshold.</source>
        <translation>未定义：在此阈值下没有任何行被标记。</translation>
    </message>
    <message>
        <source>Undefined: there is no positive row.</source>
        <translation>未定义：没有正类行。</translation>
    </message>
    <message>
        <source>Undefined: no positive row and none flagged.</source>
        <translation>未定义：没有正类行，也没有行被标记。</translation>
    </message>
    <message>
        <source>Undefined: there are no rows.</source>
        <translation>未定义：没有任何行。</translation>
    </message>
    <message>
        <source>Gains table</source>
        <translation>收益表</translation>
    </message>
    <message>
        <source>Cost cut-off</source>
        <translation>成本截断点</translation>
    </message>
    <message>
        <source>Number of score bands</source>
        <translation>评分分段数</translation>
    </message>
    <message>
        <source>&amp;Bands:</source>
        <translation>分段数(&amp;B)：</translation>
    </message>
    <message>
        <source>Copy table</source>
        <translation>复制表格</translation>
    </message>
    <message>
        <source>Copy gains table</source>
        <translation>复制收益表</translation>
    </message>
    <message>
        <source>Save as CSV…</source>
        <translation>另存为 CSV…</translation>
    </message>
    <message>
        <source>Save gains table as CSV</source>
        <translation>将收益表另存为 CSV</translation>
    </message>
    <message>
        <source>gains</source>
        <translation>收益表</translation>
    </message>
    <message>
        <source>%1 gains</source>
        <translation>%1 收益表</translation>
    </message>
    <message>
        <source>Choose the cut-off by</source>
        <translation>截断点的选择依据</translation>
    </message>
    <message>
        <source>Lowest expected cost</source>
        <translation>最低预期成本</translation>
    </message>
    <message>
        <source>Target approval rate</source>
        <translation>目标批准率</translation>
    </message>
    <message>
        <source>Maximum bad rate</source>
        <translation>最高坏账率</translation>
    </message>
    <message>
        <source>Cost of approving a bad loan</source>
        <translation>批准坏贷款的成本</translation>
    </message>
    <message>
        <source>Cost of declining a good loan</source>
        <translation>拒绝好贷款的成本</translation>
    </message>
    <message>
        <source>Maximum bad rate among the approved</source>
        <translation>获批客户中的最高坏账率</translation>
    </message>
    <message>
        <source>C&amp;ut-off by:</source>
        <translation>截断点依据(&amp;U)：</translation>
    </message>
    <message>
        <source>Cost of approving a ba&amp;d:</source>
        <translation>批准坏贷款的成本(&amp;D)：</translation>
    </message>
    <message>
        <source>Cost of declining a &amp;good:</source>
        <translation>拒绝好贷款的成本(&amp;G)：</translation>
    </message>
    <message>
        <source>Approve at &amp;most:</source>
        <translation>最多批准(&amp;M)：</translation>
    </message>
    <message>
        <source>Bad rate among approved &amp;at most:</source>
        <translation>获批客户坏账率不超过(&amp;A)：</translation>
    </message>
    <message>
        <source>Cut-off</source>
        <translation>截断点</translation>
    </message>
    <message>
        <source>Approval rate</source>
        <translation>批准率</translation>
    </message>
    <message>
        <source>Bad rate among the approved</source>
        <translation>获批客户的坏账率</translation>
    </message>
    <message>
        <source>Expected cost per applicant</source>
        <translation>每位申请人的预期成本</translation>
    </message>
    <message>
        <source>Cut-off (decline at or above):</source>
        <translation>截断点（评分不低于即拒绝）：</translation>
    </message>
    <message>
        <source>Approved:</source>
        <translation>批准：</translation>
    </message>
    <message>
        <source>Bad rate among approved:</source>
        <translation>获批客户坏账率：</translation>
    </message>
    <message>
        <source>Expected cost per applicant:</source>
        <translation>每位申请人的预期成本：</translation>
    </message>
    <message>
        <source>Per-row scores are not stored in a model file: score a labelled file on the Scoring page to see the gains table.</source>
        <translation>模型文件不保存逐行得分：请在“评分”页面对带标签的文件评分后再查看收益表。</translation>
    </message>
    <message>
        <source>%1 bads of %2 rows; KS over the bands %3, over every threshold %4.</source>
        <translation>%2 行中有 %1 个坏样本；按分段边界计算的 KS 为 %3，按全部阈值计算的 KS 为 %4。</translation>
    </message>
    <message>
        <source>Per-row scores are not stored in a model file: score a labelled file on the Scoring page to choose a cut-off.</source>
        <translation>模型文件不保存逐行得分：请在“评分”页面对带标签的文件评分后再选择截断点。</translation>
    </message>
    <message>
        <source>Both costs are 0, so every cut-off costs nothing: give at least one cost above 0.</source>
        <translation>两项成本都是 0，任何截断点都没有成本：请至少给出一项大于 0 的成本。</translation>
    </message>
    <message>
        <source>none (approve all)</source>
        <translation>无（全部批准）</translation>
    </message>
    <message>
        <source>%1 of %2 (%3%)</source>
        <translation>%1 / %2（%3%）</translation>
    </message>
    <message>
        <source>%1 (%2 bads)</source>
        <translation>%1（%2 个坏样本）</translation>
    </message>
    <message>
        <source>Undefined: nobody is approved.</source>
        <translation>无定义：没有任何申请人获批。</translation>
    </message>
    <message>
        <source>Priced only when the cut-off is chosen by cost.</source>
        <translation>只有按成本选择截断点时才计算成本。</translation>
    </message>
    <message>
        <source>No cut-off keeps the bad rate among the approved at most %1; the cut-off above approves nobody.</source>
        <translation>没有任何截断点能使获批客户的坏账率不超过 %1；上面的截断点不批准任何人。</translation>
    </message>
    <message>
        <source>The square on the ROC curve marks this cut-off; every point of the dashed iso-cost line through it costs the same, so the cheapest cut-off is where that line touches the curve.</source>
        <translation>ROC 曲线上的方块标出该截断点；经过它的虚线等成本线上每一点的成本都相同，因此成本最低的截断点就是这条线与曲线相切之处。</translation>
    </message>
    <message>
        <source>The square on the ROC curve marks this cut-off.</source>
        <translation>ROC 曲线上的方块标出该截断点。</translation>
    </message>
    <message>
        <source>cut-off</source>
        <translation>截断点</translation>
    </message>
    <message>
        <source>Precision-recall</source>
        <translation>精确率-召回率</translation>
    </message>
    <message>
        <source>Cumulative gains</source>
        <translation>累计收益</translation>
    </message>
    <message>
        <source>Lift</source>
        <translation>提升度</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
</context>
<context>
    <name>cmtl::ui::BinningChart</name>
    <message>
        <source>Bins: rows and bad rate</source>
        <translation>分箱：行数与坏账率</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <source>Bin</source>
        <translation>分箱</translation>
    </message>
    <message>
        <source>Bad rate (%)</source>
        <translation>坏账率（%）</translation>
    </message>
    <message>
        <source>Select a feature in the screening table to see its bins.</source>
        <translation>在筛选表中选中一个特征以查看其分箱。</translation>
    </message>
    <message>
        <source>Bins of %1: rows and bad rate</source>
        <translation>%1 的分箱：行数与坏账率</translation>
    </message>
    <message>
        <source>Bad rate</source>
        <translation>坏账率</translation>
    </message>
</context>
<context>
    <name>cmtl::ui::BinningPage</name>
    <message>
        <source>Binary task</source>
        <translation>二分类任务</translation>
    </message>
    <message>
        <source>&amp;Binary task:</source>
        <translation>二分类任务(&amp;B)：</translation>
    </message>
    <message>
        <source>&amp;Screen features</source>
        <translation>筛选特征(&amp;S)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Screening progress</source>
        <translation>筛选进度</translation>
    </message>
    <message>
        <source>Screening table</source>
        <translation>筛选表</translation>
    </message>
    <message>
        <source>Screen the features, then select one to see and group its bins.</source>
        <translation>先筛选特征，再选中一个特征查看并调整它的分箱。</translation>
    </message>
    <message>
        <source>Bins</source>
        <translation>分箱</translation>
    </message>
    <message>
        <source>&amp;Merge selected bins</source>
        <translation>合并所选分箱(&amp;M)</translation>
    </message>
    <message>
        <source>Split boundary</source>
        <translation>拆分边界</translation>
    </message>
    <message>
        <source>a number inside the bin</source>
        <translation>分箱内的一个数</translation>
    </message>
    <message>
        <source>Split &amp;at:</source>
        <translation>拆分点(&amp;A)：</translation>
    </message>
    <message>
        <source>S&amp;plit bin</source>
        <translation>拆分分箱(&amp;P)</translation>
    </message>
    <message>
        <source>Reset to &amp;optimal</source>
        <translation>恢复最优分箱(&amp;O)</translation>
    </message>
    <message>
        <source>%1 (event: %2)</source>
        <translation>%1（事件：%2）</translation>
    </message>
    <message>
        <source>Open a data file first (the Data page): the features are binned on its rows.</source>
        <translation>请先打开数据文件（数据页）：特征按其中的行分箱。</translation>
    </message>
    <message>
        <source>Define a binary task on the Roles page first: the bins are grouped by its bad rate.</source>
        <translation>请先在角色页定义一个二分类任务：分箱按它的坏账率分组。</translation>
    </message>
    <message>
        <source>%1 (%2 rows then, %3 now)</source>
        <translation>%1（当时 %2 行，现在 %3 行）</translation>
    </message>
    <message>
        <source>The bins grouped by hand of %1 were made on other data: reset them to group the bins of this data.</source>
        <translation>%1 的手工分箱是在其他数据上做的：请将其恢复为最优分箱，再对本数据分组。</translation>
    </message>
    <message numerus="yes">
        <source>Screened %n feature(s) against %1</source>
        <translation>
            <numerusform>已按 %1 筛选 %n 个特征</numerusform>
        </translation>
    </message>
    <message>
        <source>Screening cancelled</source>
        <translation>筛选已取消</translation>
    </message>
    <message>
        <source>one bin: no trend</source>
        <translation>只有一个分箱：无趋势</translation>
    </message>
    <message>
        <source>monotone, ascending: the bad rate rises from bin to bin</source>
        <translation>单调递增：坏账率逐箱上升</translation>
    </message>
    <message>
        <source>monotone, descending: the bad rate falls from bin to bin</source>
        <translation>单调递减：坏账率逐箱下降</translation>
    </message>
    <message>
        <source>not monotone: the bad rate rises, then falls (a peak)</source>
        <translation>非单调：坏账率先升后降（峰形）</translation>
    </message>
    <message>
        <source>not monotone: the bad rate falls, then rises (a valley)</source>
        <translation>非单调：坏账率先降后升（谷形）</translation>
    </message>
    <message>
        <source>not monotone: the bad rate changes direction more than once, or two neighbouring bins have the same bad rate</source>
        <translation>非单调：坏账率多次改变方向，或相邻两箱的坏账率相同</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%1&lt;/b&gt; — IV %2 (%3), %n bin(s), %4. Trend: %5.</source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt; — IV %2（%3），%n 个分箱，%4。趋势：%5。</numerusform>
        </translation>
    </message>
    <message>
        <source>grouped by hand</source>
        <translation>手工分组</translation>
    </message>
    <message>
        <source>optimal binning</source>
        <translation>最优分箱</translation>
    </message>
    <message>
        <source>The bins grouped by hand belong to this task: reset them (Reset to optimal) to screen another task.</source>
        <translation>手工分组的分箱属于此任务：先将其恢复为最优分箱（“恢复最优分箱”），才能筛选其他任务。</translation>
    </message>
    <message>
        <source>Select two or more adjacent bins to merge (Shift+click, or Shift+arrow keys, in the bins table).</source>
        <translation>请在分箱表中选择两个或更多相邻的分箱再合并（Shift+单击，或 Shift+方向键）。</translation>
    </message>
    <message>
        <source>Missing and special-value bins keep a bin of their own: select range bins or level groups to merge.</source>
        <translation>缺失值和特殊值各自保留单独的分箱：请选择区间分箱或取值分组进行合并。</translation>
    </message>
    <message>
        <source>The bins cannot be merged: %1</source>
        <translation>无法合并这些分箱：%1</translation>
    </message>
    <message>
        <source>Merge bins %1–%2 of %3</source>
        <translation>合并 %3 的第 %1–%2 箱</translation>
    </message>
    <message>
        <source>Select the one bin to split in the bins table, then type the boundary.</source>
        <translation>请在分箱表中选中要拆分的那一个分箱，再输入边界。</translation>
    </message>
    <message>
        <source>Only a range bin of a numeric feature can be split at a boundary; %1 is not one.</source>
        <translation>只有数值特征的区间分箱才能按边界拆分；%1 不是区间分箱。</translation>
    </message>
    <message>
        <source>The bin cannot be split at %1: %2</source>
        <translation>无法在 %1 处拆分该分箱：%2</translation>
    </message>
    <message>
        <source>Split bin %1 of %2 at %3</source>
        <translation>在 %3 处拆分 %2 的第 %1 箱</translation>
    </message>
    <message>
        <source>%1 already has its optimal bins.</source>
        <translation>%1 已是最优分箱。</translation>
    </message>
    <message>
        <source>Reset the bins of %1</source>
        <translation>恢复 %1 的最优分箱</translation>
    </message>
    <message>
        <source>a number below %1</source>
        <translation>一个小于 %1 的数</translation>
    </message>
    <message>
        <source>a number above %1</source>
        <translation>一个大于 %1 的数</translation>
    </message>
    <message>
        <source>a number above %1 and below %2</source>
        <translation>一个大于 %1 且小于 %2 的数</translation>
    </message>
    <message>
        <source>Type the boundary to split %1 at: %2.</source>
        <translation>请输入拆分 %1 的边界：%2。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a number: type the boundary as %2.</source>
        <translation>“%1”不是数字：请输入%2作为边界。</translation>
    </message>
    <message>
        <source>%1 is not inside the bin %2: type %3.</source>
        <translation>%1 不在分箱 %2 之内：请输入%3。</translation>
    </message>
    <message>
        <source>The bins grouped by hand belong to the task %1: define it on the Roles page to screen them again.</source>
        <translation>手工分组的分箱属于任务 %1：请在角色页重新定义该任务，再筛选它们。</translation>
    </message>
    <message>
        <source>Score&amp;card…</source>
        <translation>评分卡(&amp;C)…</translation>
    </message>
    <message>
        <source>Build scorecard</source>
        <translation>生成评分卡</translation>
    </message>
    <message>
        <source>A scorecard is fitted on the data against a binary task: open a data file and define the task on the Roles page.</source>
        <translation>评分卡按一个二分类任务在数据上拟合：请打开数据文件，并在“角色”页定义该任务。</translation>
    </message>
</context>
<context>
    <name>cmtl::ui::BinningWorker</name>
    <message>
        <source>Binning the features against %1</source>
        <translation>正在按 %1 对特征分箱</translation>
    </message>
    <message numerus="yes">
        <source>Screened %n feature(s)</source>
        <translation>
            <numerusform>已筛选 %n 个特征</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cmtl::ui::BinsTableModel</name>
    <message>
        <source>missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>This bin has no %1: 0.5 was added to both of its counts so that its WoE is finite.</source>
        <translation>该分箱没有%1：其两个计数各加 0.5，使 WoE 为有限值。</translation>
    </message>
    <message>
        <source>events</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>non-events</source>
        <translation>非事件</translation>
    </message>
    <message>
        <source>Range or levels</source>
        <translation>区间或取值</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>行数</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>事件数</translation>
    </message>
    <message>
        <source>Bad rate</source>
        <translation>坏账率</translation>
    </message>
    <message>
        <source>WoE</source>
        <translation>WoE</translation>
    </message>
    <message>
        <source>IV</source>
        <translation>IV</translation>
    </message>
</context>
<context>
    <name>cmtl::ui::CalibrationChart</name>
    <message>
        <source>Calibration</source>
        <translation>校准</translation>
    </message>
    <message>
        <source>Observed rate</source>
        <translation>实际比例</translation>
    </message>
    <message>
        <source>model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>perfectly calibrated</source>
        <translation>完美校准</translation>
    </message>
    <message>
        <source>Mean predicted probability (equal-count bins)</source>
        <translation>平均预测概率（等频分箱）</translation>
    </message>
    <message numerus="yes">
        <source>%n bin(s) of %1 rows</source>
        <translation>
            <numerusform>%n 个分箱，每箱 %1 行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n bin(s) of %1–%2 rows</source>
        <translation>
            <numerusform>%n 个分箱，每箱 %1–%2 行</numerusform>
        </translation>
    </message>
    <message>
        <source>Scores %1 to %2: %3 rows, mean score %4, observed rate %5</source>
        <translation>得分 %1 至 %2：%3 行，平均得分 %4，实际比例 %5</translation>
    </message>
</context>
<context>
    <name>cmtl::ui::ChartToolBar</name>
    <message>
        <source>Save chart…</source>
        <translation>保存图表…</translation>
    </message>
    <message>
        <source>Save this chart as a PNG or SVG image, titled with its task and run</source>
        <translation>将此图表保存为 PNG 或 SVG 图像，标题含其任务和运行</translation>
    </message>
    <message>
        <source>Copy chart</source>
        <translation>复制图表</translation>
    </message>
    <message>
        <source>Copy this chart to the clipboard as an image, titled with its task and run</source>
        <translation>将此图表作为图像复制到剪贴板，标题含其任务和运行</translation>
    </message>
</context>
<context>
    <name>cmtl::ui::ChartView</name>
    <message>
        <source>Nothing to draw: a model opened from a file keeps its metrics, not the per-row scores this chart is drawn from.

To see it, score a labelled file (one with this task's column) on the Scoring page: the model's metrics and charts on that file appear here as a run of their own.</source>
        <translation>无可绘制内容：从文件打开的模型只保存指标，不保存绘制此图表所需的逐行得分。

如需查看，请在“评分”页面对带标签的文件（含此任务列）评分：模型在该文件上的指标和图表将作为一次单独的运行显示在这里。</translation>
    </message>
    <message>
        <source>Nothing to draw: no row of this task is positive (bad), so there is nothing to rank them by.</source>
        <translation>无可绘制内容：该任务没有任何正类（坏样本）行，因此无从排序。</translation>
    </message>
</context>
<context>
    <name>cmtl::ui::ColumnListModel</name>
    <message>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>numeric</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>categorical</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>about %1</source>
        <translation>约 %1</translation>
    </message>
    <message>
        <source>&lt;br&gt;min %1, mean %2, max %3</source>
        <translation>&lt;br&gt;最小值 %1，均值 %2，最大值 %3</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>Distinct</source>
        <translation>不同值</translation>
    </message>
    <message>
        <source>Distribution</source>
        <translation>分布</translation>
    </message>
</context>
<context>
    <name>cmtl::ui::ClusterCommandDialog</name>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy: %1</source>
        <translation>复制：%1</translation>
    </message>
    <message>
        <source>Command Line for a Cluster</source>
        <translation>集群命令行</translation>
    </message>
    <message>
        <source>Train the current configuration (tasks, lambdas, ignored columns and every setting) outside the workbench: save the configuration, then run one of these commands where creditmtl-cli is installed.</source>
        <translation>在工作台之外训练当前配置（任务、lambda、忽略的列及所有设置）：先保存配置，再在安装了 creditmtl-cli 的机器上运行以下命令之一。</translation>
    </message>
    <message>
        <source>Ranks (processes) of mpirun</source>
        <translation>mpirun 的进程数（rank）</translation>
    </message>
    <message>
        <source>&amp;Ranks:</source>
        <translation>进程数(&amp;R)：</translation>
    </message>
    <message>
        <source>Configuration file</source>
        <translation>配置文件</translation>
    </message>
    <message>
        <source>&amp;Save Configuration…</source>
        <translation>保存配置(&amp;S)…</translation>
    </message>
    <message>
        <source>Save configuration</source>
        <translation>保存配置</translation>
    </message>
    <message>
        <source>Configuration file:</source>
        <translation>配置文件：</translation>
    </message>
    <message>
        <source>Model file the command writes</source>
        <translation>命令写出的模型文件</translation>
    </message>
    <message>
        <source>&amp;Model file:</source>
        <translation>模型文件(&amp;M)：</translation>
    </message>
    <message>
        <source>With mpirun:</source>
        <translation>使用 mpirun：</translation>
    </message>
    <message>
        <source>Data-parallel command</source>
        <translation>数据并行命令</translation>
    </message>
    <message>
        <source>One process:</source>
        <translation>单进程：</translation>
    </message>
    <message>
        <source>One-process command</source>
        <translation>单进程命令</translation>
    </message>
    <message>
        <source>Bins grouped by hand that are not used</source>
        <translation>未使用的手工分组分箱</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>The commands read the configuration file: save it before running them.</source>
        <translation>命令会读取配置文件：运行前请先保存配置。</translation>
    </message>
    <message>
        <source>%1 is an input or the model file: choose another file for the configuration.</source>
        <translation>%1 是输入文件或模型文件：请为配置选择其他文件。</translation>
    </message>
    <message>
        <source>The configuration could not be saved: %1</source>
        <translation>无法保存配置：%1</translation>
    </message>
    <message>
        <source>Configuration saved to %1.</source>
        <translation>配置已保存到 %1。</translation>
    </message>
    <message>
        <source>Save the run configuration</source>
        <translation>保存训练配置</translation>
    </message>
    <message>
        <source>Run configurations (*.json)</source>
        <translation>训练配置 (*.json)</translation>
    </message>
    <message>
        <source>File of the bins grouped by hand</source>
        <translation>手工分组的分箱所在的文件</translation>
    </message>
    <message>
        <source>Bins grouped by hand:</source>
        <translation>手工分组的分箱：</translation>
    </message>
    <message>
        <source>The commands read the configuration file and, with --binning, the bins grouped by hand on the Binning page for the WoE inputs %1, as the workbench&apos;s training uses them; both are saved together: save them before running the commands.</source>
        <translation>命令会读取配置文件，并通过 --binning 读取“分箱”页上为 WoE 输入 %1 手工分组的分箱，与工作台训练时的用法相同；二者一同保存：运行命令前请先保存。</translation>
    </message>
    <message>
        <source>The bins grouped by hand would be saved to %1, which is an input, the project or the model file: choose another name for the configuration.</source>
        <translation>手工分组的分箱将保存到 %1，而它是输入文件、项目文件或模型文件：请为配置另选文件名。</translation>
    </message>
    <message>
        <source>Configuration saved to %1, the bins grouped by hand to %2.</source>
        <translation>配置已保存到 %1，手工分组的分箱已保存到 %2。</translation>
    </message>
</context>
<context>
    <name>cmtl::ui::ComparisonDialog</name>
    <message>
        <source>Sharing (95% Nadeau–Bengio interval)</source>
        <translation>共享效果（95% Nadeau–Bengio 区间）</translation>
    </message>
    <message>
        <source>sharing helped</source>
        <translation>共享有帮助</translation>
    </message>
    <message>
        <source>sharing hurt</source>
        <translation>共享有害</translation>
    </message>
    <message>
        <source>no detectable difference</source>
        <translation>无可检测的差异</translation>
    </message>
    <message>
        <source>Compare methods</source>
        <translation>比较方法</translation>
    </message>
    <message>
        <source>Trains the logistic baseline, the network on each task alone and the multi-task architectures on the same stratified folds of the data, with the current settings.</source>
        <translation>使用当前设置，在数据的同一组分层折上训练逻辑回归基线、每个任务单独训练的网络以及各种多任务架构。</translation>
    </message>
    <message>
        <source>&amp;Folds:</source>
        <translation>折数(&amp;F)：</translation>
    </message>
    <message>
        <source>Comparison progress</source>
        <translation>比较进度</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Mean ± sd</source>
        <translation>均值 ± 标准差</translation>
    </message>
    <message>
        <source>vs single-task net</source>
        <translation>相对单任务网络</translation>
    </message>
    <message>
        <source>vs logistic</source>
        <translation>相对逻辑回归</translation>
    </message>
    <message>
        <source>Comparison results</source>
        <translation>比较结果</translation>
    </message>
    <message>
        <source>&amp;Run comparison</source>
        <translation>运行比较(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
    </message>
    <message>
        <source>Comparison cancelled.</source>
        <translation>已取消比较。</translation>
    </message>
    <message>
        <source>Training…</source>
        <translation>正在训练…</translation>
    </message>
    <message>
        <source>Test metrics over %1.</source>
        <translation>%1 的测试指标。</translation>
    </message>
    <message>
        <source>Cop&amp;y Table</source>
        <translation>复制表格(&amp;Y)</translation>
    </message>
    <message>
        <source>Copy the comparison table</source>
        <translation>复制比较结果表</translation>
    </message>
    <message>
        <source>Copy the results as tab-separated text, to paste into a spreadsheet</source>
        <translation>以制表符分隔的文本复制结果，可粘贴到电子表格</translation>
    </message>
    <message>
        <source>&amp;Save as CSV…</source>
        <translation>另存为 CSV(&amp;S)…</translation>
    </message>
    <message>
        <source>Save the comparison table as CSV</source>
        <translation>将比较结果表保存为 CSV</translation>
    </message>
    <message>
        <source>Test metrics over %1, compared on %2.</source>
        <translation>%1 的测试指标，比较于 %2。</translation>
    </message>
    <message>
        <source>Logistic baseline (a linear model per task)</source>
        <translation>逻辑回归基准（每个任务一个线性模型）</translation>
    </message>
    <message>
        <source>Single-task networks (the network on each task alone)</source>
        <translation>单任务网络（每个任务单独训练同一网络）</translation>
    </message>
    <message>
        <source>Gradient-boosted trees per task (XGBoost, tuned by inner cross-validation)</source>
        <translation>每个任务的梯度提升树（XGBoost，经内层交叉验证调参）</translation>
    </message>
    <message>
        <source>Multi-task: shared bottom, fixed weights</source>
        <translation>多任务：共享底层，固定权重</translation>
    </message>
    <message>
        <source>Multi-task: shared bottom, uncertainty weights</source>
        <translation>多任务：共享底层，不确定性权重</translation>
    </message>
    <message>
        <source>Multi-task: MMoE</source>
        <translation>多任务：MMoE</translation>
    </message>
    <message>
        <source>Multi-task: PLE</source>
        <translation>多任务：PLE</translation>
    </message>
    <message>
        <source>Multi-task: task feature attention</source>
        <translation>多任务：任务特征注意力</translation>
    </message>
    <message>
        <source>Candidates</source>
        <translation>候选模型</translation>
    </message>
    <message>
        <source>C&amp;andidates:</source>
        <translation>候选模型(&amp;A)：</translation>
    </message>
    <message>
        <source>Each candidate is trained this many times, each time testing on another fold of the rows (stratified by the first binary task): more folds, steadier means and longer runs.</source>
        <translation>每个候选模型训练这么多次，每次在另一折数据上测试（按第一个二分类任务分层）：折数越多，均值越稳定，耗时也越长。</translation>
    </message>
    <message>
        <source>The models to compare. The differences are taken against the single-task networks and against the logistic baseline, when they are ticked.</source>
        <translation>要比较的模型。勾选了单任务网络和逻辑回归基准时，差异分别相对于它们计算。</translation>
    </message>
    <message>
        <source>Tick at least one candidate to compare.</source>
        <translation>请至少勾选一个候选模型进行比较。</translation>
    </message>
</context>
<context>
    <name>cmtl::ui::ComparisonWorker</name>
    <message>
        <source>Trained %1</source>
        <translation>已训练 %1</translation>
    </message>
</context>
<context>
    <name>cmtl::ui::ConfusionHeatmap</name>
    <message>
        <source>Confusion matrix heat map</source>
        <translation>混淆矩阵热力图</translation>
    </message>
    <message>
        <source>Confusion matrix</source>
        <translation>混淆矩阵</translation>
    </message>
    <message>
        <source>Confusion matrix (rows: actual, columns: predicted)</source>
        <translation>混淆矩阵（行：实际，列：预测）</translation>
    </message>
    <message>
        <source>rows: actual, columns: predicted</source>
        <translation>行：实际，列：预测</translation>
    </message>
</context>
<context>
    <name>cmtl::ui::CumulativeGainsChart</name>
    <message>
        <source>Cumulative gains (CAP)</source>
        <translation>累计收益（CAP）</translation>
    </message>
    <message>
        <source>Share of population (highest scores first)</source>
        <translation>总体占比（按评分从高到低）</translation>
    </message>
    <message>
        <source>Positives caught</source>
        <translation>捕获的正类占比</translation>
    </message>
    <message>
        <source>perfect model</source>
        <translation>完美模型</translation>
    </message>
    <message>
        <source>random</source>
        <translation>随机</translation>
    </message>
</context>
<context>
    <name>cmtl::ui::DataLoader</name>
    <message>
        <source>Reading %1: %2 rows</source>
        <translation>正在读取 %1：%2 行</translation>
    </message>
    <message>
        <source>Reading %1</source>
        <translation>正在读取 %1</translation>
    </message>
    <message>
        <source>Describing the columns of %1</source>
        <translation>正在统计 %1 的各列</translation>
    </message>
    <message>
        <source>Read %1</source>
        <translation>已读取 %1</translation>
    </message>
</context>
<context>
    <name>cmtl::ui::DataPage</name>
    <message>
        <source>%1: the columns and their types are the database&apos;s; the missing values and column types chosen here apply, the delimiter, header, encoding and separators do not.</source>
        <translation>%1：列及其类型取自数据库；此处选择的缺失值和列类型适用，分隔符、表头、编码和千位/小数分隔符不适用。</translation>
    </message>
    <message>
        <source>Warnings on the file read</source>
        <translation>读取文件时的警告</translation>
    </message>
    <message>
        <source>Read with warnings:</source>
        <translation>已读取，但有警告：</translation>
    </message>
    <message>
        <source>No file open. Open a CSV file with File ▸ Open, drop one on the window, or start with the sample.</source>
        <translation>尚未打开文件。请通过“文件 ▸ 打开”打开 CSV 文件、将文件拖到窗口上，或从示例数据开始。</translation>
    </message>
    <message>
        <source>Import options</source>
        <translation>导入选项</translation>
    </message>
    <message>
        <source>Detect</source>
        <translation>自动检测</translation>
    </message>
    <message>
        <source>Comma ( , )</source>
        <translation>逗号（ , ）</translation>
    </message>
    <message>
        <source>Semicolon ( ; )</source>
        <translation>分号（ ; ）</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>制表符</translation>
    </message>
    <message>
        <source>Pipe ( | )</source>
        <translation>竖线（ | ）</translation>
    </message>
    <message>
        <source>&amp;Delimiter:</source>
        <translation>分隔符(&amp;D)：</translation>
    </message>
    <message>
        <source>First line holds the column &amp;names</source>
        <translation>首行为列名(&amp;N)</translation>
    </message>
    <message>
        <source>Windows-1252 (Western European)</source>
        <translation>Windows-1252（西欧）</translation>
    </message>
    <message>
        <source>ISO-8859-1 (Latin-1)</source>
        <translation>ISO-8859-1（Latin-1）</translation>
    </message>
    <message>
        <source>Decimal &amp;comma (13,99 is 13.99)</source>
        <translation>小数逗号(&amp;C)（13,99 即 13.99）</translation>
    </message>
    <message>
        <source>Numbers are written with a decimal comma. Unchecked, a decimal comma is still detected when the delimiter is a semicolon.</source>
        <translation>数字以逗号作小数点。不勾选时，若分隔符为分号，仍会自动检测小数逗号。</translation>
    </message>
    <message>
        <source>&amp;Encoding:</source>
        <translation>编码(&amp;E)：</translation>
    </message>
    <message>
        <source>Cells equal to one of these comma-separated tokens are missing; an empty cell always is.</source>
        <translation>等于这些（以逗号分隔的）标记之一的单元格视为缺失；空单元格总是缺失。</translation>
    </message>
    <message>
        <source>&amp;Missing values:</source>
        <translation>缺失值标记(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Reload with these options</source>
        <translation>按这些选项重新读取(&amp;R)</translation>
    </message>
    <message>
        <source>Preview of the first lines</source>
        <translation>前几行预览</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Loading progress</source>
        <translation>读取进度</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Data table</source>
        <translation>数据表</translation>
    </message>
    <message>
        <source>Search columns</source>
        <translation>搜索列</translation>
    </message>
    <message>
        <source>Search columns…</source>
        <translation>搜索列…</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>列</translation>
    </message>
    <message>
        <source>The file %1 cannot be opened.</source>
        <translation>无法打开文件 %1。</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; — %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — %2</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>制表符</translation>
    </message>
    <message>
        <source>Delimiter %1, encoding %2%3; %4 columns in the first %5 lines.</source>
        <translation>分隔符 %1，编码 %2%3；前 %5 行共 %4 列。</translation>
    </message>
    <message>
        <source>, CRLF line ends</source>
        <translation>，CRLF 换行</translation>
    </message>
    <message>
        <source>These options do not read the file: %1</source>
        <translation>按这些选项无法读取该文件：%1</translation>
    </message>
    <message>
        <source>A SAS dataset (sas7bdat)</source>
        <translation>SAS 数据集 (sas7bdat)</translation>
    </message>
    <message>
        <source>A SAS transport file (XPORT)</source>
        <translation>SAS 传输文件 (XPORT)</translation>
    </message>
    <message>
        <source>A Stata file</source>
        <translation>Stata 文件</translation>
    </message>
    <message>
        <source>An SPSS file</source>
        <translation>SPSS 文件</translation>
    </message>
    <message>
        <source>%1: its columns, types and encoding are read as the file declares them; the missing values and column types chosen here apply, the delimiter, header, encoding and separators do not.</source>
        <translation>%1：其列、类型和编码按文件自身的声明读取；此处选择的缺失值和列类型适用，分隔符、表头、编码和千位/小数分隔符不适用。</translation>
    </message>
    <message>
        <source>Delimiter</source>
        <translation>分隔符</translation>
    </message>
    <message>
        <source>Encoding</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Thousands separator</source>
        <translation>千位分隔符</translation>
    </message>
    <message>
        <source>Applies to CSV files only: a database gives its columns and their types.</source>
        <translation>仅适用于 CSV 文件：数据库自带其列及类型。</translation>
    </message>
    <message>
        <source>Applies to CSV files only: a SAS, Stata or SPSS file declares its columns, types and encoding.</source>
        <translation>仅适用于 CSV 文件：SAS、Stata 或 SPSS 文件自身声明其列、类型和编码。</translation>
    </message>
    <message>
        <source>%1: %2 rows, %3 columns</source>
        <translation>%1：%2 行，%3 列</translation>
    </message>
    <message>
        <source>Reading %1 failed</source>
        <translation>读取 %1 失败</translation>
    </message>
    <message>
        <source>Reading %1 failed; %2 stays open</source>
        <translation>读取 %1 失败；%2 仍然打开</translation>
    </message>
    <message>
        <source>Reading %1 cancelled</source>
        <translation>已取消读取 %1</translation>
    </message>
    <message>
        <source>Reading %1 cancelled; %2 stays open</source>
        <translation>已取消读取 %1；%2 仍然打开</translation>
    </message>
    <message>
        <source>columns</source>
        <translation>列信息</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; — loading…</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — 正在读取…</translation>
    </message>
    <message>
        <source>Reload with other import options</source>
        <translation>按其他导入选项重新读取</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Comma (1,234,567)</source>
        <translation>逗号（1,234,567）</translation>
    </message>
    <message>
        <source>Point (1.234.567)</source>
        <translation>句点（1.234.567）</translation>
    </message>
    <message>
        <source>Space (1 234 567)</source>
        <translation>空格（1 234 567）</translation>
    </message>
    <message>
        <source>Apostrophe (1&apos;234&apos;567)</source>
        <translation>撇号（1&apos;234&apos;567）</translation>
    </message>
    <message>
        <source>A separator between groups of three digits in numbers. With a decimal comma, the thousands separator is usually a point or a space.</source>
        <translation>数字中每三位数字之间的分隔符。使用小数逗号时，千位分隔符通常是句点或空格。</translation>
    </message>
    <message>
        <source>&amp;Thousands separator:</source>
        <translation>千位分隔符(&amp;T)：</translation>
    </message>
    <message>
        <source>Read %1 automatically</source>
        <translation>自动判断 %1 的类型</translation>
    </message>
    <message>
        <source>Read %1 as numeric</source>
        <translation>将 %1 读作数值</translation>
    </message>
    <message>
        <source>Read %1 as categorical</source>
        <translation>将 %1 读作类别</translation>
    </message>
    <message>
        <source>Treat cells of %1 as missing</source>
        <translation>将 %1 的这些单元格视为缺失</translation>
    </message>
    <message>
        <source>Read as &amp;numeric</source>
        <translation>读作数值(&amp;N)</translation>
    </message>
    <message>
        <source>Read as &amp;categorical (text)</source>
        <translation>读作类别（文本）(&amp;C)</translation>
    </message>
    <message>
        <source>Read &amp;automatically (numeric when every cell is a number)</source>
        <translation>自动判断(&amp;A)（每个单元格都是数字时为数值）</translation>
    </message>
    <message>
        <source>Treat %1 as missing in %2</source>
        <translation>将 %2 中的 %1 视为缺失</translation>
    </message>
    <message>
        <source>Reads the file again with these values of %1 declared missing and the column read as numbers (undo with Edit ▸ Undo).</source>
        <translation>重新读取文件：将 %1 的这些值声明为缺失，并把该列读作数值（可用 编辑 ▸ 撤销 恢复）。</translation>
    </message>
</context>
<context>
    <name>cmtl::ui::ErrorMessages</name>
    <message>
        <source>The data could not be read.</source>
        <translation>无法读取数据。</translation>
    </message>
    <message>
        <source>The settings cannot be used.</source>
        <translation>这些设置无法使用。</translation>
    </message>
    <message>
        <source>There is not enough memory for this operation. Try a smaller file or a smaller network.</source>
        <translation>内存不足，无法完成此操作。请尝试更小的文件或更小的网络。</translation>
    </message>
    <message>
        <source>The engine refused its input.</source>
        <translation>计算引擎拒绝了输入。</translation>
    </message>
    <message>
        <source>The operation failed.</source>
        <translation>操作失败。</translation>
    </message>
    <message>
        <source>The operation failed for an unknown reason.</source>
        <translation>操作因未知原因失败。</translation>
    </message>
</context>
<context>
    <name>cmtl::ui::GainsTableModel</name>
    <message>
        <source>Undefined here (no bad or no good row), not zero.</source>
        <translation>此处无定义（没有坏样本或没有好样本），并非零。</translation>
    </message>
    <message>
        <source>The score band: rows ranked by score, riskiest first, cut into N bands of equal size (tied scores stay in one band).</source>
        <translation>评分分段：按评分排序（风险最高者在前），切成 N 个大小相同的分段（评分相同的行留在同一分段）。</translation>
    </message>
    <message>
        <source>The lowest and the highest score in the band.</source>
        <translation>该分段中的最低分和最高分。</translation>
    </message>
    <message>
        <source>The rows in the band.</source>
        <translation>该分段的行数。</translation>
    </message>
    <message>
        <source>The positive (bad) rows in the band.</source>
        <translation>该分段中正类（坏样本）的行数。</translation>
    </message>
    <message>
        <source>Bads divided by rows in the band.</source>
        <translation>该分段的坏样本数除以行数。</translation>
    </message>
    <message>
        <source>The share of all bads in this band and the riskier ones above it: the bads caught by declining down to this band.</source>
        <translation>本分段及其上方风险更高的分段所含坏样本占全部坏样本的比例：拒绝到本分段为止所拦截的坏样本。</translation>
    </message>
    <message>
        <source>The share of all goods in this band and the ones above it: the goods lost by declining down to this band.</source>
        <translation>本分段及其上方分段所含好样本占全部好样本的比例：拒绝到本分段为止所损失的好样本。</translation>
    </message>
    <message>
        <source>Cumulative bad share minus cumulative good share; its largest value is the KS over the band boundaries.</source>
        <translation>累计坏样本占比减去累计好样本占比；其最大值即按分段边界计算的 KS。</translation>
    </message>
    <message>
        <source>The band's bad rate divided by the overall bad rate: how many times riskier than average.</source>
        <translation>该分段的坏账率除以总体坏账率：风险是平均水平的几倍。</translation>
    </message>
    <message>
        <source>The bad rate of this band and those above it divided by the overall bad rate.</source>
        <translation>本分段及其上方分段的坏账率除以总体坏账率。</translation>
    </message>
    <message>
        <source>Band</source>
        <translation>分段</translation>
    </message>
    <message>
        <source>Scores</source>
        <translation>评分</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <source>Bads</source>
        <translation>坏样本数</translation>
    </message>
    <message>
        <source>Bad rate</source>
        <translation>坏账率</translation>
    </message>
    <message>
        <source>Cum. bad share</source>
        <translation>累计坏样本占比</translation>
    </message>
    <message>
        <source>Cum. good share</source>
        <translation>累计好样本占比</translation>
    </message>
    <message>
        <source>KS</source>
        <translation>KS</translation>
    </message>
    <message>
        <source>Lift</source>
        <translation>提升度</translation>
    </message>
    <message>
        <source>Cum. lift</source>
        <translation>累计提升度</translation>
    </message>
</context>
<context>
    <name>cmtl::ui::ImageExport</name>
    <message>
        <source>Save chart</source>
        <translation>保存图表</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG image (*.svg)</source>
        <translation>PNG 图像 (*.png);;SVG 图像 (*.svg)</translation>
    </message>
    <message>
        <source>The chart could not be written to %1.</source>
        <translation>无法将图表写入 %1。</translation>
    </message>
</context>
<context>
    <name>cmtl::ui::KsChart</name>
    <message>
        <source>KS curve</source>
        <translation>KS 曲线</translation>
    </message>
    <message>
        <source>Share of population (highest scores first)</source>
        <translation>样本占比（按得分从高到低）</translation>
    </message>
    <message>
        <source>Cumulative share</source>
        <translation>累计占比</translation>
    </message>
    <message>
        <source>KS %1</source>
        <translation>KS %1</translation>
    </message>
</context>
<context>
    <name>cmtl::ui::LiftChart</name>
    <message>
        <source>Cumulative lift</source>
        <translation>累计提升度</translation>
    </message>
    <message>
        <source>Share of population (highest scores first)</source>
        <translation>总体占比（按评分从高到低）</translation>
    </message>
    <message>
        <source>Lift</source>
        <translation>提升度</translation>
    </message>
    <message>
        <source>random (lift 1)</source>
        <translation>随机（提升度 1）</translation>
    </message>
</context>
<context>
    <name>cmtl::ui::LossChart</name>
    <message>
        <source>Loss per task</source>
        <translation>各任务损失</translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>%1 train</source>
        <translation>%1 训练</translation>
    </message>
    <message>
        <source>%1 validation</source>
        <translation>%1 验证</translation>
    </message>
    <message>
        <source>epoch %1: weights kept</source>
        <translation>第 %1 轮：保留其权重</translation>
    </message>
    <message>
        <source>best epoch %1</source>
        <translation>最佳轮次 %1</translation>
    </message>
    <message>
        <source>Stopped early at epoch %1 of %2; the weights of epoch %3 were kept.</source>
        <translation>在第 %1 / %2 轮提前停止；保留了第 %3 轮的权重。</translation>
    </message>
    <message>
        <source>Completed all %1 epochs; the weights of epoch %2 were kept.</source>
        <translation>已完成全部 %1 轮；保留了第 %2 轮的权重。</translation>
    </message>
</context>
<context>
    <name>cmtl::ui::MainWindow</name>
    <message>
        <source>Command &amp;Line for a Cluster…</source>
        <translation>集群命令行(&amp;L)…</translation>
    </message>
    <message>
        <source>Save this configuration and show the mpirun command that trains it on a cluster, ready to copy</source>
        <translation>保存此配置并显示在集群上训练它的 mpirun 命令，可直接复制</translation>
    </message>
    <message>
        <source>Open Data&amp;base…</source>
        <translation>打开数据库(&amp;B)…</translation>
    </message>
    <message>
        <source>Read a table or a query from SQLite, PostgreSQL or an ODBC data source</source>
        <translation>从 SQLite、PostgreSQL 或 ODBC 数据源读取表或查询</translation>
    </message>
    <message>
        <source>E&amp;xport Model…</source>
        <translation>导出模型(&amp;X)…</translation>
    </message>
    <message>
        <source>Write the current model as an ONNX graph or a SQL scoring query</source>
        <translation>将当前模型写为 ONNX 计算图或 SQL 评分查询</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>页面</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>运行记录</translation>
    </message>
    <message>
        <source>Scoring</source>
        <translation>评分</translation>
    </message>
    <message>
        <source>Open data</source>
        <translation>打开数据</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>The language changes the next time the workbench starts.</source>
        <translation>语言将在下次启动工作台时生效。</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>&amp;Open Data…</source>
        <translation>打开数据(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a CSV file of loans</source>
        <translation>打开贷款数据 CSV 文件</translation>
    </message>
    <message>
        <source>Open &amp;Sample</source>
        <translation>打开示例(&amp;S)</translation>
    </message>
    <message>
        <source>Open &amp;Model…</source>
        <translation>打开模型(&amp;M)…</translation>
    </message>
    <message>
        <source>Save Mo&amp;del…</source>
        <translation>保存模型(&amp;D)…</translation>
    </message>
    <message>
        <source>Score a F&amp;ile…</source>
        <translation>为文件评分(&amp;I)…</translation>
    </message>
    <message>
        <source>Export Repor&amp;t…</source>
        <translation>导出报告(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Train</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <source>Co&amp;mpare Methods…</source>
        <translation>比较方法(&amp;M)…</translation>
    </message>
    <message>
        <source>Baselines and multi-task architectures on the same folds</source>
        <translation>在同一组折上比较基线与多任务架构</translation>
    </message>
    <message>
        <source>T&amp;une Settings…</source>
        <translation>调参(&amp;U)…</translation>
    </message>
    <message>
        <source>Search the settings by cross-validation on the training rows</source>
        <translation>在训练行上用交叉验证搜索设置</translation>
    </message>
    <message>
        <source>&amp;Cancel Training</source>
        <translation>取消训练(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;About CreditMTL</source>
        <translation>关于 CreditMTL(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>运行(&amp;R)</translation>
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
        <source>About &amp;Qt</source>
        <translation>关于 &amp;Qt</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>Training is running. Cancel it before opening another file.</source>
        <translation>正在训练。请先取消训练，再打开其他文件。</translation>
    </message>
    <message>
        <source>Open sample</source>
        <translation>打开示例</translation>
    </message>
    <message>
        <source>The sample file samples/lending_club.csv was not found beside the program nor in its source folder.</source>
        <translation>在程序所在位置及其源代码目录中都找不到示例文件 samples/lending_club.csv。</translation>
    </message>
    <message>
        <source>Model %1</source>
        <translation>模型 %1</translation>
    </message>
    <message>
        <source>Opened model %1</source>
        <translation>已打开模型 %1</translation>
    </message>
    <message>
        <source>Open model</source>
        <translation>打开模型</translation>
    </message>
    <message>
        <source>The model file could not be opened.</source>
        <translation>无法打开该模型文件。</translation>
    </message>
    <message>
        <source>Model saved to %1</source>
        <translation>模型已保存到 %1</translation>
    </message>
    <message>
        <source>Save model</source>
        <translation>保存模型</translation>
    </message>
    <message>
        <source>The model could not be saved.</source>
        <translation>无法保存模型。</translation>
    </message>
    <message>
        <source>Training is running.</source>
        <translation>正在训练。</translation>
    </message>
    <message>
        <source>The data file is still being read.</source>
        <translation>仍在读取数据文件。</translation>
    </message>
    <message>
        <source>Open a data file first.</source>
        <translation>请先打开数据文件。</translation>
    </message>
    <message>
        <source>Roles: %1</source>
        <translation>角色：%1</translation>
    </message>
    <message>
        <source>Settings: %1</source>
        <translation>设置：%1</translation>
    </message>
    <message>
        <source>Run %1</source>
        <translation>运行 %1</translation>
    </message>
    <message>
        <source>Train a model with these roles and settings (F5)</source>
        <translation>按这些角色和设置训练模型（F5）</translation>
    </message>
    <message>
        <source>Cannot train: %1</source>
        <translation>无法训练：%1</translation>
    </message>
    <message>
        <source>Train disabled: %1</source>
        <translation>训练不可用：%1</translation>
    </message>
    <message>
        <source>Data files (*.csv *.txt *.tsv *.sas7bdat *.xpt *.dta *.sav *.zsav);;CSV files (*.csv *.txt *.tsv);;All files (*)</source>
        <translation>数据文件 (*.csv *.txt *.tsv *.sas7bdat *.xpt *.dta *.sav *.zsav);;CSV 文件 (*.csv *.txt *.tsv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>CreditMTL models (*.cmtl);;All files (*)</source>
        <translation>CreditMTL 模型 (*.cmtl);;所有文件 (*)</translation>
    </message>
    <message>
        <source>CreditMTL models (*.cmtl)</source>
        <translation>CreditMTL 模型 (*.cmtl)</translation>
    </message>
    <message>
        <source>About CreditMTL</source>
        <translation>关于 CreditMTL</translation>
    </message>
    <message>
        <source>&lt;h3&gt;CreditMTL workbench %1&lt;/h3&gt;&lt;p&gt;Multi-task neural networks for credit risk: one shared trunk, one head per task, each task weighted by its lambda.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Sample data&lt;/b&gt;: Lending Club loans issued in the first quarter of 2016, as published in the R package &lt;i&gt;modeldata&lt;/i&gt; 1.1.0 (data set &lt;code&gt;lending_club&lt;/code&gt;, MIT licence). The column &lt;code&gt;sub_grade&lt;/code&gt; is reduced to its letter, &lt;code&gt;grade&lt;/code&gt;.&lt;/p&gt;&lt;p&gt;Built with Qt %2, Qt Charts and Eigen; instruction set %3.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;CreditMTL 工作台 %1&lt;/h3&gt;&lt;p&gt;用于信用风险的多任务神经网络：一个共享主干，每个任务一个输出头，各任务按其 lambda 加权。&lt;/p&gt;&lt;p&gt;&lt;b&gt;示例数据&lt;/b&gt;：Lending Club 于 2016 年第一季度发放的贷款，取自 R 包 &lt;i&gt;modeldata&lt;/i&gt; 1.1.0（数据集 &lt;code&gt;lending_club&lt;/code&gt;，MIT 许可证）。列 &lt;code&gt;sub_grade&lt;/code&gt; 简化为其字母 &lt;code&gt;grade&lt;/code&gt;。&lt;/p&gt;&lt;p&gt;基于 Qt %2、Qt Charts 和 Eigen 构建；指令集 %3。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Evaluated on %1: see its metrics and charts on the Results page</source>
        <translation>已在 %1 上评估：请在“结果”页查看其指标和图表</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>The project&apos;s roles wait for its data file: open it to apply them.</source>
        <translation>项目的角色设置需等待其数据文件：打开该文件后即可应用。</translation>
    </message>
    <message>
        <source>&amp;New Project</source>
        <translation>新建项目(&amp;N)</translation>
    </message>
    <message>
        <source>Start again: no data, no runs, default settings</source>
        <translation>重新开始：无数据、无运行、默认设置</translation>
    </message>
    <message>
        <source>Open &amp;Project…</source>
        <translation>打开项目(&amp;P)…</translation>
    </message>
    <message>
        <source>Open a CreditMTL project: its data, roles, settings, runs and comparisons</source>
        <translation>打开 CreditMTL 项目：其数据、角色、设置、运行和方法比较</translation>
    </message>
    <message>
        <source>Sa&amp;ve Project</source>
        <translation>保存项目(&amp;V)</translation>
    </message>
    <message>
        <source>Save the data source, roles, settings, runs and comparisons</source>
        <translation>保存数据来源、角色、设置、运行和方法比较</translation>
    </message>
    <message>
        <source>Save Project &amp;As…</source>
        <translation>项目另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>Show &amp;Last Comparison</source>
        <translation>显示最近的比较(&amp;L)</translation>
    </message>
    <message>
        <source>The latest Compare Methods results kept in the project</source>
        <translation>项目中保存的最近一次方法比较结果</translation>
    </message>
    <message>
        <source>Untitled project</source>
        <translation>未命名项目</translation>
    </message>
    <message>
        <source>%1[*] — CreditMTL workbench</source>
        <translation>%1[*] — CreditMTL 工作台</translation>
    </message>
    <message>
        <source>Save project</source>
        <translation>保存项目</translation>
    </message>
    <message>
        <source>The project could not be saved.</source>
        <translation>无法保存项目。</translation>
    </message>
    <message>
        <source>Project saved to %1</source>
        <translation>项目已保存到 %1</translation>
    </message>
    <message>
        <source>untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>CreditMTL projects (*.cmtlproj)</source>
        <translation>CreditMTL 项目 (*.cmtlproj)</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <source>CreditMTL projects (*.cmtlproj);;All files (*)</source>
        <translation>CreditMTL 项目 (*.cmtlproj);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>The project has unsaved changes (runs, roles, settings or bins).</source>
        <translation>项目有未保存的更改（运行、角色、设置或分箱）。</translation>
    </message>
    <message>
        <source>Save them before going on? Discarded changes cannot be recovered.</source>
        <translation>继续之前是否保存？放弃的更改无法恢复。</translation>
    </message>
    <message>
        <source>The project file could not be opened.</source>
        <translation>无法打开项目文件。</translation>
    </message>
    <message>
        <source>The data file of this project, %1, is not there any more (moved, renamed or deleted).</source>
        <translation>本项目的数据文件 %1 已不在原处（被移动、重命名或删除）。</translation>
    </message>
    <message>
        <source>The data file %1 has changed since the project was saved: %2 bytes then, %3 now, last modified %4.</source>
        <translation>数据文件 %1 在项目保存后已更改：当时 %2 字节，现在 %3 字节，最后修改于 %4。</translation>
    </message>
    <message>
        <source>Project data</source>
        <translation>项目数据</translation>
    </message>
    <message>
        <source>Locate the file the project was made on, or continue with the file as it is now (the runs keep the metrics they had).</source>
        <translation>请找到建立项目时所用的文件，或使用该文件的当前内容继续（各次运行保留原有指标）。</translation>
    </message>
    <message>
        <source>Locate the file, or open the project without its data (the runs and settings are restored; the roles wait for the data).</source>
        <translation>请找到该文件，或不带数据打开项目（运行和设置会恢复；角色等待数据文件）。</translation>
    </message>
    <message>
        <source>&amp;Locate…</source>
        <translation>查找文件(&amp;L)…</translation>
    </message>
    <message>
        <source>&amp;Continue with the New Content</source>
        <translation>使用新内容继续(&amp;C)</translation>
    </message>
    <message>
        <source>Open &amp;Without Data</source>
        <translation>不带数据打开(&amp;W)</translation>
    </message>
    <message>
        <source>Locate the data file</source>
        <translation>查找数据文件</translation>
    </message>
    <message>
        <source>Project opened without its data: the roles wait for the data file.</source>
        <translation>项目已在没有数据的情况下打开：角色等待数据文件。</translation>
    </message>
    <message>
        <source>The data file now has %1 rows; the project was made on %2.</source>
        <translation>数据文件现在有 %1 行；建立项目时为 %2 行。</translation>
    </message>
    <message>
        <source>Project %1 opened</source>
        <translation>项目 %1 已打开</translation>
    </message>
    <message>
        <source>Autosave failed: %1</source>
        <translation>自动保存失败：%1</translation>
    </message>
    <message>
        <source>Recover unsaved work</source>
        <translation>恢复未保存的工作</translation>
    </message>
    <message>
        <source>The autosaved work could not be read; it was kept as %1.</source>
        <translation>无法读取自动保存的工作；已保留为 %1。</translation>
    </message>
    <message>
        <source>It belongs to the project %1.</source>
        <translation>它属于项目 %1。</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>恢复(&amp;R)</translation>
    </message>
    <message>
        <source>A model is being trained.</source>
        <translation>正在训练模型。</translation>
    </message>
    <message>
        <source>A comparison of methods is running.</source>
        <translation>正在进行方法比较。</translation>
    </message>
    <message>
        <source>A file is being scored.</source>
        <translation>正在为文件评分。</translation>
    </message>
    <message>
        <source>Work in progress</source>
        <translation>工作进行中</translation>
    </message>
    <message>
        <source>Quitting stops it; what it has not finished is lost.</source>
        <translation>退出会停止它；尚未完成的部分将丢失。</translation>
    </message>
    <message>
        <source>&amp;Stop and Quit</source>
        <translation>停止并退出(&amp;S)</translation>
    </message>
    <message>
        <source>Stopping… the window closes when the work in progress has stopped.</source>
        <translation>正在停止… 进行中的工作停止后窗口将关闭。</translation>
    </message>
    <message>
        <source>The workbench did not close normally. The work autosaved at %1 can be restored (runs: %2).</source>
        <translation>工作台上次未正常关闭。可以恢复 %1 自动保存的工作（运行数：%2）。</translation>
    </message>
    <message>
        <source>Training is running. Cancel it before opening a project.</source>
        <translation>正在训练。请先取消训练，再打开项目。</translation>
    </message>
    <message>
        <source>&amp;User Guide…</source>
        <translation>用户指南(&amp;U)…</translation>
    </message>
    <message>
        <source>What&apos;s &amp;This?</source>
        <translation>这是什么(&amp;T)？</translation>
    </message>
    <message>
        <source>Binning</source>
        <translation>分箱</translation>
    </message>
    <message>
        <source>Permutation &amp;Importance…</source>
        <translation>置换重要性(&amp;I)…</translation>
    </message>
    <message>
        <source>Re&amp;ject Inference…</source>
        <translation>拒绝推断(&amp;J)…</translation>
    </message>
    <message>
        <source>Refit a scorecard with the declined applicants&apos; inferred outcomes and compare it with the accepts-only card</source>
        <translation>用被拒申请人的推断结果重新拟合评分卡，并与仅用通过申请人的评分卡比较</translation>
    </message>
    <message>
        <source>How much each task&apos;s metric worsens when one input column is shuffled</source>
        <translation>打乱某一输入列后各任务的指标变差多少</translation>
    </message>
    <message>
        <source>Loaded data: %1</source>
        <translation>已载入数据：%1</translation>
    </message>
    <message>
        <source>Scored file: %1</source>
        <translation>已评分文件：%1</translation>
    </message>
</context>
<context>
    <name>cmtl::ui::MethodPanel</name>
    <message>
        <source>Multi-task method</source>
        <translation>多任务方法</translation>
    </message>
    <message>
        <source>Shared bottom (hard sharing)</source>
        <translation>共享底层（硬共享）</translation>
    </message>
    <message>
        <source>MMoE (mixture of experts)</source>
        <translation>MMoE（多门专家混合）</translation>
    </message>
    <message>
        <source>PLE (shared and task experts)</source>
        <translation>PLE（共享专家与任务专家）</translation>
    </message>
    <message>
        <source>Task feature attention</source>
        <translation>任务特征注意力</translation>
    </message>
    <message>
        <source>&amp;Architecture:</source>
        <translation>架构(&amp;A)：</translation>
    </message>
    <message>
        <source>Shared e&amp;xperts:</source>
        <translation>共享专家数(&amp;X)：</translation>
    </message>
    <message>
        <source>Experts per &amp;task:</source>
        <translation>每任务专家数(&amp;T)：</translation>
    </message>
    <message>
        <source>Fixed (the lambdas above)</source>
        <translation>固定（上面的 lambda）</translation>
    </message>
    <message>
        <source>Uncertainty (learned)</source>
        <translation>不确定性（学习得到）</translation>
    </message>
    <message>
        <source>GradNorm</source>
        <translation>GradNorm</translation>
    </message>
    <message>
        <source>Dynamic weight average</source>
        <translation>动态权重平均（DWA）</translation>
    </message>
    <message>
        <source>PCGrad (project conflicts)</source>
        <translation>PCGrad（投影冲突梯度）</translation>
    </message>
    <message>
        <source>Task &amp;weighting:</source>
        <translation>任务加权(&amp;W)：</translation>
    </message>
    <message>
        <source>GradNorm &amp;alpha:</source>
        <translation>GradNorm 参数 α(&amp;A)：</translation>
    </message>
    <message>
        <source>DWA te&amp;mperature:</source>
        <translation>DWA 温度(&amp;M)：</translation>
    </message>
</context>
<context>
    <name>cmtl::ui::MetricsTableModel</name>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>训练集</translation>
    </message>
    <message>
        <source>Validation</source>
        <translation>验证集</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>测试集</translation>
    </message>
    <message>
        <source>Undefined here (0/0 or no rows), not zero.</source>
        <translation>此处无定义（0/0 或没有行），不是零。</translation>
    </message>
</context>
<context>
    <name>cmtl::ui::MulticlassTaskPanel</name>
    <message>
        <source>One-vs-rest ROC curves</source>
        <translation>一对其余 ROC 曲线</translation>
    </message>
    <message>
        <source>Metrics per class</source>
        <translation>各类别指标</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>精确率</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>召回率</translation>
    </message>
    <message>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <source>Support</source>
        <translation>样本数</translation>
    </message>
    <message>
        <source>metrics per class</source>
        <translation>各类别指标</translation>
    </message>
    <message>
        <source>Not stored in a model file: score a labelled file on the Scoring page.</source>
        <translation>模型文件未保存此项：请在“评分”页面对带标签的文件评分。</translation>
    </message>
</context>
<context>
    <name>cmtl::ui::PrecisionRecallChart</name>
    <message>
        <source>Precision-recall curve</source>
        <translation>精确率-召回率曲线</translation>
    </message>
    <message>
        <source>Recall (share of positives flagged)</source>
        <translation>召回率（被标记的正类占比）</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>精确率</translation>
    </message>
    <message>
        <source>%1 (AP %2)</source>
        <translation>%1（AP %2）</translation>
    </message>
    <message>
        <source>no skill (%1)</source>
        <translation>无区分能力（%1）</translation>
    </message>
</context>
<context>
    <name>cmtl::ui::PredictedVsActualChart</name>
    <message>
        <source>Predicted against actual</source>
        <translation>预测值与实际值</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>实际值</translation>
    </message>
    <message>
        <source>Predicted</source>
        <translation>预测值</translation>
    </message>
    <message>
        <source>rows</source>
        <translation>行</translation>
    </message>
    <message>
        <source>predicted = actual</source>
        <translation>预测值 = 实际值</translation>
    </message>
</context>
<context>
    <name>cmtl::ui::PredictionsWriter</name>
    <message>
        <source>Writing %1</source>
        <translation>正在写入 %1</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
</context>
<context>
    <name>cmtl::ui::ReportExportDialog</name>
    <message>
        <source>Export Report</source>
        <translation>导出报告</translation>
    </message>
    <message>
        <source>The model documentation report: one HTML file with its charts inside, readable in any browser without a network. The PDF is printed by Qt's PDF writer, with simpler styling than the HTML.</source>
        <translation>模型文档报告：一个内含图表的 HTML 文件，无需网络即可在任何浏览器中阅读。PDF 由 Qt 的 PDF 输出生成，样式比 HTML 简单。</translation>
    </message>
    <message>
        <source>Data files (*.csv *.txt *.sas7bdat *.dta *.sav);;All files (*)</source>
        <translation>数据文件 (*.csv *.txt *.sas7bdat *.dta *.sav);;所有文件 (*)</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>模型(&amp;M)：</translation>
    </message>
    <message>
        <source>Model file</source>
        <translation>模型文件</translation>
    </message>
    <message>
        <source>Models (*.cmtl)</source>
        <translation>模型 (*.cmtl)</translation>
    </message>
    <message>
        <source>&amp;Evaluated data:</source>
        <translation>评估数据(&amp;E)：</translation>
    </message>
    <message>
        <source>Evaluated data file</source>
        <translation>评估数据文件</translation>
    </message>
    <message>
        <source>&amp;Base data (optional):</source>
        <translation>基准数据（可选）(&amp;B)：</translation>
    </message>
    <message>
        <source>Base data file for PSI and CSI</source>
        <translation>用于 PSI 和 CSI 的基准数据文件</translation>
    </message>
    <message>
        <source>&amp;Report:</source>
        <translation>报告(&amp;R)：</translation>
    </message>
    <message>
        <source>Report file (HTML)</source>
        <translation>报告文件（HTML）</translation>
    </message>
    <message>
        <source>HTML (*.html)</source>
        <translation>HTML (*.html)</translation>
    </message>
    <message>
        <source>Also print to &amp;PDF (next to the report)</source>
        <translation>同时打印为 PDF（与报告同目录）(&amp;P)</translation>
    </message>
    <message>
        <source>Also print to PDF</source>
        <translation>同时打印为 PDF</translation>
    </message>
    <message>
        <source>Report progress</source>
        <translation>报告进度</translation>
    </message>
    <message>
        <source>E&amp;xport</source>
        <translation>导出(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;Cancel Export</source>
        <translation>取消导出(&amp;C)</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Browse: %1</source>
        <translation>浏览：%1</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Saved %1 and %2</source>
        <translation>已保存 %1 和 %2</translation>
    </message>
    <message>
        <source>The report was not written: %1 %2</source>
        <translation>报告未写入：%1 %2</translation>
    </message>
    <message>
        <source>%1 is not saved: the report documents this temporary copy, deleted when the dialog closes. Save the model (File ▸ Save Model…) to keep the file whose checksum the report gives.</source>
        <translation>%1 尚未保存：报告记录的是这份临时副本，对话框关闭时即删除。请保存模型（文件 ▸ 保存模型…），以保留报告所给校验和对应的文件。</translation>
    </message>
    <message>
        <source>%1 was trained on rows of this file: its metrics here mix training and held-out rows and look better than they will on new loans. For a model review, choose a file the run did not learn from, such as an out-of-time sample.</source>
        <translation>%1 是用此文件中的行训练的：在此文件上的指标混合了训练行与留出行，会比在新贷款上的表现更好看。用于模型审查时，请选择该运行未学习过的文件，例如跨时间样本。</translation>
    </message>
    <message>
        <source>The unsaved model could not be copied for the report: %1</source>
        <translation>未保存的模型无法为报告复制：%1</translation>
    </message>
    <message>
        <source>Include the multi-task evidence</source>
        <translation>包含多任务证据</translation>
    </message>
    <message>
        <source>Include the multi-task evidence (%1)</source>
        <translation>包含多任务证据（%1）</translation>
    </message>
    <message>
        <source>Compare Methods of %1</source>
        <translation>%1 的方法比较</translation>
    </message>
    <message>
        <source>Cancelled; no report was written.</source>
        <translation>已取消；未写入报告。</translation>
    </message>
</context>
<context>
    <name>cmtl::ui::ReportWorker</name>
    <message>
        <source>Reading %1</source>
        <translation>正在读取 %1</translation>
    </message>
    <message>
        <source>Writing the report: step %1 of %2</source>
        <translation>正在生成报告：第 %1 步，共 %2 步</translation>
    </message>
    <message>
        <source>Printing the PDF</source>
        <translation>正在打印 PDF</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
</context>
<context>
    <name>cmtl::ui::ResidualChart</name>
    <message>
        <source>Residuals</source>
        <translation>残差</translation>
    </message>
    <message>
        <source>Predicted</source>
        <translation>预测值</translation>
    </message>
    <message>
        <source>Actual − predicted</source>
        <translation>实际值 − 预测值</translation>
    </message>
    <message>
        <source>rows</source>
        <translation>行</translation>
    </message>
    <message>
        <source>zero</source>
        <translation>零</translation>
    </message>
</context>
<context>
    <name>cmtl::ui::ResultsPage</name>
    <message>
        <source>No results yet: train a model, or open a model file.</source>
        <translation>尚无结果：请训练模型或打开模型文件。</translation>
    </message>
    <message>
        <source>&amp;Task:</source>
        <translation>任务(&amp;T)：</translation>
    </message>
    <message>
        <source>Cop&amp;y table</source>
        <translation>复制表格(&amp;Y)</translation>
    </message>
    <message>
        <source>Save table as CS&amp;V…</source>
        <translation>将表格保存为 CSV(&amp;V)…</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Choose a task.</source>
        <translation>请选择一个任务。</translation>
    </message>
    <message>
        <source>Task charts</source>
        <translation>任务图表</translation>
    </message>
    <message>
        <source>Training history</source>
        <translation>训练历史</translation>
    </message>
    <message>
        <source>Result charts</source>
        <translation>结果图表</translation>
    </message>
    <message>
        <source>metrics only (model file)</source>
        <translation>仅有指标（模型文件）</translation>
    </message>
    <message>
        <source>charts on the %1 part</source>
        <translation>图表基于%1部分</translation>
    </message>
    <message>
        <source>%1 — %2 — %3</source>
        <translation>%1 — %2 — %3</translation>
    </message>
    <message>
        <source>metrics</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>test</source>
        <translation>测试集</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>验证集</translation>
    </message>
    <message>
        <source>training</source>
        <translation>训练集</translation>
    </message>
    <message>
        <source>charts on every row of %1</source>
        <translation>图表基于 %1 的全部行</translation>
    </message>
</context>
<context>
    <name>cmtl::ui::RocChart</name>
    <message>
        <source>ROC curve</source>
        <translation>ROC 曲线</translation>
    </message>
    <message>
        <source>False positive rate</source>
        <translation>假正率</translation>
    </message>
    <message>
        <source>True positive rate</source>
        <translation>真正率</translation>
    </message>
    <message>
        <source>chance</source>
        <translation>随机</translation>
    </message>
    <message>
        <source>%1 (AUC %2)</source>
        <translation>%1（AUC %2）</translation>
    </message>
    <message>
        <source>threshold</source>
        <translation>阈值</translation>
    </message>
    <message>
        <source>%1
threshold %2
TPR %3
FPR %4</source>
        <translation>%1
阈值 %2
TPR %3
FPR %4</translation>
    </message>
    <message>
        <source>iso-cost line</source>
        <translation>等成本线</translation>
    </message>
</context>
<context>
    <name>cmtl::ui::RolesPage</name>
    <message>
        <source>binary</source>
        <translation>二分类</translation>
    </message>
    <message>
        <source>multi-class</source>
        <translation>多分类</translation>
    </message>
    <message>
        <source>regression</source>
        <translation>回归</translation>
    </message>
    <message>
        <source>Choose what the model predicts (tasks) and what it learns from (features). A binary task needs its positive class, e.g. &quot;bad&quot; for a default flag.</source>
        <translation>选择模型要预测的内容（任务）和学习所依据的内容（特征）。二分类任务需要指定正类，例如违约标志中的“bad”。</translation>
    </message>
    <message>
        <source>All &amp;numeric columns as features</source>
        <translation>所有数值列设为特征(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Clear all roles</source>
        <translation>清除所有角色(&amp;C)</translation>
    </message>
    <message>
        <source>Column roles</source>
        <translation>列角色</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Task type</source>
        <translation>任务类型</translation>
    </message>
    <message>
        <source>Positive class</source>
        <translation>正类</translation>
    </message>
    <message>
        <source>numeric</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>categorical</source>
        <translation>类别</translation>
    </message>
    <message numerus="yes">
        <source>, %n distinct</source>
        <translation>
            <numerusform>，%n 个不同值</numerusform>
        </translation>
    </message>
    <message>
        <source>Role of %1</source>
        <translation>%1 的角色</translation>
    </message>
    <message>
        <source>Feature</source>
        <translation>特征</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>忽略</translation>
    </message>
    <message>
        <source>Task type of %1</source>
        <translation>%1 的任务类型</translation>
    </message>
    <message>
        <source>Positive class of %1</source>
        <translation>%1 的正类</translation>
    </message>
    <message>
        <source>Open a data file first.</source>
        <translation>请先打开数据文件。</translation>
    </message>
    <message>
        <source>No task: set the role of at least one column to Task.</source>
        <translation>没有任务：请至少将一列的角色设为“任务”。</translation>
    </message>
    <message>
        <source>No feature: every column is a task or ignored. Make some columns features.</source>
        <translation>没有特征：所有列都是任务或被忽略。请将一些列设为特征。</translation>
    </message>
    <message>
        <source>Task %1 has only one class: a classifier needs at least two.</source>
        <translation>任务 %1 只有一个类别：分类至少需要两个类别。</translation>
    </message>
    <message>
        <source>Task %1 holds %2 different numbers: use regression, or multi-class for a few codes.</source>
        <translation>任务 %1 含有 %2 个不同数值：请使用回归；若只是少数几个代码，请使用多分类。</translation>
    </message>
    <message>
        <source>Binary task %1: pick the positive class among its values.</source>
        <translation>二分类任务 %1：请从其取值中选择正类。</translation>
    </message>
    <message>
        <source>Task %1 holds text: a regression task needs a numeric column. Choose binary or multi-class.</source>
        <translation>任务 %1 含有文本：回归任务需要数值列。请选择二分类或多分类。</translation>
    </message>
    <message>
        <source>Task %1 has %2 classes: that is too many for a multi-class task.</source>
        <translation>任务 %1 有 %2 个类别：对多分类任务来说太多了。</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <comment>the Roles summary: tasks, features</comment>
        <translation>%1，%2</translation>
    </message>
    <message numerus="yes">
        <source>%n task(s)</source>
        <translation>
            <numerusform>%n 个任务</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n feature(s)</source>
        <translation>
            <numerusform>%n 个特征</numerusform>
        </translation>
    </message>
    <message>
        <source>Sets every column to Ignore; Edit ▸ Undo brings the roles back.</source>
        <translation>将所有列设为“忽略”；“编辑 ▸ 撤销”可恢复原角色。</translation>
    </message>
    <message>
        <source>Set the role of %1</source>
        <translation>设置 %1 的角色</translation>
    </message>
    <message>
        <source>Set the task type of %1</source>
        <translation>设置 %1 的任务类型</translation>
    </message>
    <message>
        <source>Set the positive class of %1</source>
        <translation>设置 %1 的正类</translation>
    </message>
    <message>
        <source>Set the tasks</source>
        <translation>设置任务</translation>
    </message>
    <message>
        <source>All numeric columns as features</source>
        <translation>所有数值列设为特征</translation>
    </message>
    <message>
        <source>Clear all roles</source>
        <translation>清除所有角色</translation>
    </message>
    <message>
        <source>ID / keep</source>
        <translation>ID / 保留</translation>
    </message>
    <message>
        <source>Not an input: copied, first, into the predictions, to join them back to the rows</source>
        <translation>不作为输入：复制到预测结果的最前列，以便与原始行对应</translation>
    </message>
</context>
<context>
    <name>cmtl::ui::RunListModel</name>
    <message>
        <source>%1 (best %2)</source>
        <translation>%1（最佳 %2）</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Tasks and lambdas</source>
        <translation>任务与 lambda</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <source>Test metrics</source>
        <translation>测试集指标</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>完成时间</translation>
    </message>
    <message>
        <source>shared bottom</source>
        <translation>共享底层</translation>
    </message>
    <message>
        <source>attention</source>
        <translation>注意力</translation>
    </message>
    <message>
        <source>fixed</source>
        <translation>固定</translation>
    </message>
    <message>
        <source>uncertainty</source>
        <translation>不确定性</translation>
    </message>
    <message>
        <source>, head %1</source>
        <translation>，输出头 %1</translation>
    </message>
    <message>
        <source>all rows of %1</source>
        <translation>%1 的全部行</translation>
    </message>
    <message>
        <source>test part</source>
        <translation>测试集</translation>
    </message>
    <message>
        <source>validation part</source>
        <translation>验证集</translation>
    </message>
    <message>
        <source>none (model file)</source>
        <translation>无（模型文件）</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>架构</translation>
    </message>
    <message>
        <source>Weighting</source>
        <translation>权重方式</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Data file</source>
        <translation>数据文件</translation>
    </message>
    <message>
        <source>Charts on</source>
        <translation>图表所用数据</translation>
    </message>
    <message>
        <source>Rename run &quot;%1&quot; to &quot;%2&quot;</source>
        <translation>将运行“%1”重命名为“%2”</translation>
    </message>
    <message>
        <source>%1 AUC %2</source>
        <translation>%1 AUC %2</translation>
    </message>
    <message>
        <source>%1 accuracy %2</source>
        <translation>%1 准确率 %2</translation>
    </message>
    <message>
        <source>%1 RMSE %2</source>
        <translation>%1 RMSE %2</translation>
    </message>
</context>
<context>
    <name>cmtl::ui::RunsPage</name>
    <message>
        <source>Every run of this session. Select two or more (Ctrl+click) to compare them.</source>
        <translation>本次会话的所有运行。选择两个或更多（Ctrl+单击）进行比较。</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>运行记录</translation>
    </message>
    <message>
        <source>Show &amp;results</source>
        <translation>查看结果(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Save model…</source>
        <translation>保存模型(&amp;S)…</translation>
    </message>
    <message>
        <source>ROC of &amp;task:</source>
        <translation>ROC 所属任务(&amp;T)：</translation>
    </message>
    <message>
        <source>ROC curves of the selected runs (test part)</source>
        <translation>所选运行的 ROC 曲线（测试集）</translation>
    </message>
    <message>
        <source>Metrics of the selected runs</source>
        <translation>所选运行的指标</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>run comparison</source>
        <translation>运行比较</translation>
    </message>
    <message>
        <source>runs</source>
        <translation>运行记录</translation>
    </message>
    <message>
        <source>Re&amp;name</source>
        <translation>重命名(&amp;N)</translation>
    </message>
    <message>
        <source>Rename the selected run (F2); Edit ▸ Undo brings the old name back.</source>
        <translation>重命名所选运行（F2）；“编辑 ▸ 撤销”可恢复原名称。</translation>
    </message>
    <message>
        <source>Rename run</source>
        <translation>重命名运行</translation>
    </message>
</context>
<context>
    <name>cmtl::ui::ScoreDistributionChart</name>
    <message>
        <source>Score distribution</source>
        <translation>得分分布</translation>
    </message>
    <message>
        <source>Predicted probability</source>
        <translation>预测概率</translation>
    </message>
    <message>
        <source>Share of class</source>
        <translation>类内占比</translation>
    </message>
    <message>
        <source>threshold</source>
        <translation>阈值</translation>
    </message>
</context>
<context>
    <name>cmtl::ui::RejectInferenceDialog</name>
    <message>
        <source>The card with reject inference has not been saved.</source>
        <translation>含拒绝推断的评分卡尚未保存。</translation>
    </message>
    <message>
        <source>Close and discard it, with its comparison? Running reject inference again gives it back.</source>
        <translation>关闭并丢弃它及其比较结果吗？再次运行拒绝推断即可重新得到。</translation>
    </message>
    <message>
        <source>Reject Inference</source>
        <translation>拒绝推断</translation>
    </message>
    <message>
        <source>The loaded data, %1, are the accepted applicants, whose outcomes are known. A scorecard fitted on them is refitted with the declined applicants&apos; inferred outcomes, and both cards are compared on held-out accepts and on the declined.</source>
        <translation>已加载的数据 %1 为通过的申请人，其结果已知。在其上拟合的评分卡会用被拒申请人的推断结果重新拟合，两张评分卡在留出的通过申请人和被拒申请人上进行比较。</translation>
    </message>
    <message>
        <source>No data: open the accepted applicants&apos; file on the Data page first.</source>
        <translation>没有数据：请先在“数据”页面打开通过申请人的文件。</translation>
    </message>
    <message>
        <source>Binary task</source>
        <translation>二分类任务</translation>
    </message>
    <message>
        <source>Binary &amp;task:</source>
        <translation>二分类任务(&amp;T)：</translation>
    </message>
    <message>
        <source>Declined applicants&apos; file</source>
        <translation>被拒申请人文件</translation>
    </message>
    <message>
        <source>The declined applicants: the accepts&apos; feature columns, no outcome</source>
        <translation>被拒申请人：与通过申请人相同的特征列，没有结果列</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>Choose the declined applicants&apos; file</source>
        <translation>选择被拒申请人文件</translation>
    </message>
    <message>
        <source>&amp;Declined applicants:</source>
        <translation>被拒申请人(&amp;D)：</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>Fuzzy augmentation</source>
        <translation>模糊扩充</translation>
    </message>
    <message>
        <source>Parcelling</source>
        <translation>分组打包</translation>
    </message>
    <message>
        <source>&amp;Method:</source>
        <translation>方法(&amp;M)：</translation>
    </message>
    <message>
        <source>Parcel &amp;factor:</source>
        <translation>打包系数(&amp;F)：</translation>
    </message>
    <message>
        <source>Parcel factor</source>
        <translation>打包系数</translation>
    </message>
    <message>
        <source>The declined applicants&apos; bad rate in a score band is the accepts&apos; times this (1 = alike, above 1 = the declined are worse)</source>
        <translation>某分数段中被拒申请人的坏账率为通过申请人坏账率乘以此系数（1 = 相同，大于 1 = 被拒者更差）</translation>
    </message>
    <message>
        <source>Parcel bands</source>
        <translation>打包分段数</translation>
    </message>
    <message>
        <source>Parcel b&amp;ands:</source>
        <translation>打包分段数(&amp;A)：</translation>
    </message>
    <message>
        <source>Reject &amp;weight:</source>
        <translation>拒绝样本权重(&amp;W)：</translation>
    </message>
    <message>
        <source>Reject weight</source>
        <translation>拒绝样本权重</translation>
    </message>
    <message>
        <source>Each declined applicant&apos;s total weight in the refit</source>
        <translation>每个被拒申请人在重新拟合中的总权重</translation>
    </message>
    <message>
        <source>&amp;Held-out accepts:</source>
        <translation>留出的通过申请人(&amp;H)：</translation>
    </message>
    <message>
        <source>Held-out share of accepts</source>
        <translation>留出的通过申请人比例</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>The seed of the held-out split, the parcelling and the bootstrap</source>
        <translation>留出划分、分组打包和自助法使用的随机种子</translation>
    </message>
    <message>
        <source>S&amp;eed:</source>
        <translation>随机种子(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <source>Run reject inference</source>
        <translation>运行拒绝推断</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancel reject inference</source>
        <translation>取消拒绝推断</translation>
    </message>
    <message>
        <source>Reject inference progress</source>
        <translation>拒绝推断进度</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Accepts only</source>
        <translation>仅通过申请人</translation>
    </message>
    <message>
        <source>With reject inference</source>
        <translation>含拒绝推断</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>差值</translation>
    </message>
    <message>
        <source>95% paired bootstrap interval</source>
        <translation>95% 配对自助法区间</translation>
    </message>
    <message>
        <source>Comparison of the two cards</source>
        <translation>两张评分卡的比较</translation>
    </message>
    <message>
        <source>Band</source>
        <translation>分段</translation>
    </message>
    <message>
        <source>Points from</source>
        <translation>分数下限</translation>
    </message>
    <message>
        <source>Points to</source>
        <translation>分数上限</translation>
    </message>
    <message>
        <source>Accepts</source>
        <translation>通过申请人</translation>
    </message>
    <message>
        <source>Accepts&apos; bad rate</source>
        <translation>通过申请人坏账率</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>被拒申请人</translation>
    </message>
    <message>
        <source>Inferred bad</source>
        <translation>推断为坏</translation>
    </message>
    <message>
        <source>Share labelled bad</source>
        <translation>标为坏的比例</translation>
    </message>
    <message>
        <source>Parcelling bands</source>
        <translation>分组打包分段</translation>
    </message>
    <message>
        <source>Save card as &amp;CSV…</source>
        <translation>评分卡另存为 CSV(&amp;C)…</translation>
    </message>
    <message>
        <source>Save the card with reject inference as CSV</source>
        <translation>将含拒绝推断的评分卡保存为 CSV</translation>
    </message>
    <message>
        <source>Save card as &amp;JSON…</source>
        <translation>评分卡另存为 JSON(&amp;J)…</translation>
    </message>
    <message>
        <source>Save the card with reject inference as JSON</source>
        <translation>将含拒绝推断的评分卡保存为 JSON</translation>
    </message>
    <message>
        <source>Open the declined applicants&apos; file</source>
        <translation>打开被拒申请人文件</translation>
    </message>
    <message>
        <source>No binary task: define one on the Roles page (a column with two values and its positive class).</source>
        <translation>没有二分类任务：请在“角色”页面定义一个（取两个值的列及其正类）。</translation>
    </message>
    <message>
        <source>Choose the declined applicants&apos; file.</source>
        <translation>请选择被拒申请人文件。</translation>
    </message>
    <message>
        <source>Cancelled; the results shown, if any, are the previous run&apos;s.</source>
        <translation>已取消；若有显示的结果，则为上一次运行的结果。</translation>
    </message>
    <message>
        <source>Fuzzy augmentation gives each declined applicant both outcomes, weighted by the probability of bad the accepts-only card gives them; parcelling labels the declined in each score band bad in the share of the accepts&apos; bad rate there times a factor. Run shows what the chosen method assumes.</source>
        <translation>模糊扩充为每个被拒申请人赋予两种结果，按仅用通过申请人的评分卡给出的坏概率加权；分组打包在每个分数段中按该段通过申请人坏账率乘以系数的比例将被拒申请人标为坏。运行后显示所选方法的假设。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Parcelling&lt;/b&gt;: the accepts&apos; scores are cut into bands at their quantiles; in each band the declined applicants are labelled bad in the share (the band&apos;s bad rate among accepts) × the parcel factor %1, chosen at random with the seed, each with the reject weight. &lt;b&gt;Assumes&lt;/b&gt; a declined applicant is the factor times as likely to be bad as an accepted one of the same score (1 = alike; above 1 = worse, the usual judgement, which the data cannot estimate).</source>
        <translation>&lt;b&gt;分组打包&lt;/b&gt;：按通过申请人分数的分位数切分为若干段；在每段中，被拒申请人按（该段通过申请人的坏账率）× 打包系数 %1 的比例标为坏，由随机种子随机选取，每人带拒绝样本权重。&lt;b&gt;假设&lt;/b&gt;被拒申请人为坏的可能性是同分数通过申请人的系数倍（1 = 相同；大于 1 = 更差，这是通常的判断，数据本身无法估计）。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Fuzzy augmentation&lt;/b&gt;: each declined applicant enters the refit twice, as a bad with weight p and as a good with weight 1 − p (p = P(bad) by the accepts-only scorecard, both times the reject weight). &lt;b&gt;Assumes&lt;/b&gt; the accepts-only model holds for the declined: the outcome depends on the features alone, not on being declined (missing at random given the features).</source>
        <translation>&lt;b&gt;模糊扩充&lt;/b&gt;：每个被拒申请人在重新拟合中出现两次，一次为坏、权重 p，一次为好、权重 1 − p（p = 仅用通过申请人的评分卡给出的 P(坏)，两次均乘以拒绝样本权重）。&lt;b&gt;假设&lt;/b&gt;仅用通过申请人的模型对被拒申请人同样成立：结果只取决于特征，而与是否被拒无关（给定特征时随机缺失）。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Inferred bad rate of the declined: %1&lt;/b&gt; (held-out accepts&apos; observed bad rate %2). Accepts: %3 rows fitted on, %4 held out; declined: %5, %6 rows, reject weight %7. The card with reject inference keeps the accepts-only card&apos;s %8 features and bins; each bin&apos;s WoE is recomputed on the accepts and the weighted declined, and the regression refitted.</source>
        <translation>&lt;b&gt;被拒申请人的推断坏账率：%1&lt;/b&gt;（留出的通过申请人实际坏账率 %2）。通过申请人：%3 行用于拟合，%4 行留出；被拒申请人：%5，%6 行，拒绝样本权重 %7。含拒绝推断的评分卡保留仅用通过申请人评分卡的 %8 个特征及其分箱；每个分箱的 WoE 在通过申请人和加权的被拒申请人上重新计算，并重新拟合回归。</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 至 %2</translation>
    </message>
    <message>
        <source>AUC on %1 held-out accepts</source>
        <translation>%1 个留出的通过申请人上的 AUC</translation>
    </message>
    <message>
        <source>Mean P(bad) of held-out accepts</source>
        <translation>留出的通过申请人的平均 P(坏)</translation>
    </message>
    <message>
        <source>Mean P(bad) of the declined</source>
        <translation>被拒申请人的平均 P(坏)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Limitation&lt;/b&gt;: the accepts are the only rows with outcomes, so the AUC on held-out accepts cannot show a benefit on the through-the-door population (accepts and declined together); a better card for the declined shows at best in their score shift above, and only a test of approving some declined applicants can measure it.</source>
        <translation>&lt;b&gt;局限&lt;/b&gt;：只有通过申请人带有结果，因此留出的通过申请人上的 AUC 无法显示对全体申请人（通过与被拒合计）的改进；评分卡对被拒申请人的改进至多体现在上面的分数变化中，只有试验性地批准部分被拒申请人才能衡量。</translation>
    </message>
    <message>
        <source>• accepts-only card: %1</source>
        <translation>• 仅通过申请人的评分卡：%1</translation>
    </message>
    <message>
        <source>• card with reject inference: %1</source>
        <translation>• 含拒绝推断的评分卡：%1</translation>
    </message>
    <message>
        <source>Warnings:</source>
        <translation>警告：</translation>
    </message>
    <message numerus="yes">
        <source>%n paired bootstrap resample(s) of the held-out accepts</source>
        <translation>
            <numerusform>留出的通过申请人的 %n 次配对自助重抽样</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Parcel factor %1, %n band(s) at the accepts&apos; score quantiles:</source>
        <translation>
            <numerusform>打包系数 %1，按通过申请人分数分位数划分的 %n 个分段：</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cmtl::ui::RejectInferenceWorker</name>
    <message>
        <source>Reading %1</source>
        <translation>正在读取 %1</translation>
    </message>
    <message>
        <source>Fitting the scorecards and comparing them on the held-out accepts</source>
        <translation>正在拟合评分卡并在留出的通过申请人上比较</translation>
    </message>
    <message>
        <source>Reject inference done</source>
        <translation>拒绝推断完成</translation>
    </message>
</context>
<context>
    <name>cmtl::ui::ScorecardDialog</name>
    <message>
        <source>Scorecard of %1</source>
        <translation>%1 的评分卡</translation>
    </message>
    <message>
        <source>Base points</source>
        <translation>基准分</translation>
    </message>
    <message>
        <source>Base odds</source>
        <translation>基准比率</translation>
    </message>
    <message>
        <source>Points to double the odds</source>
        <translation>比率翻倍分数</translation>
    </message>
    <message>
        <source>Base &amp;points:</source>
        <translation>基准分(&amp;P)：</translation>
    </message>
    <message>
        <source>Base &amp;odds (good:bad):</source>
        <translation>基准比率（好:坏）(&amp;O)：</translation>
    </message>
    <message>
        <source>Points to &amp;double the odds:</source>
        <translation>比率翻倍分数(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Build scorecard</source>
        <translation>生成评分卡(&amp;B)</translation>
    </message>
    <message>
        <source>Scorecard progress</source>
        <translation>评分卡进度</translation>
    </message>
    <message>
        <source>Feature</source>
        <translation>特征</translation>
    </message>
    <message>
        <source>Bin</source>
        <translation>分箱</translation>
    </message>
    <message>
        <source>WoE</source>
        <translation>WoE</translation>
    </message>
    <message>
        <source>Coefficient</source>
        <translation>系数</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>分数</translation>
    </message>
    <message>
        <source>Points table</source>
        <translation>分数表</translation>
    </message>
    <message>
        <source>Save as &amp;CSV…</source>
        <translation>另存为 CSV(&amp;C)…</translation>
    </message>
    <message>
        <source>Save as &amp;JSON…</source>
        <translation>另存为 JSON(&amp;J)…</translation>
    </message>
    <message>
        <source>Save the scorecard as JSON</source>
        <translation>将评分卡另存为 JSON</translation>
    </message>
    <message>
        <source>Save the points table as CSV</source>
        <translation>将分数表另存为 CSV</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON 文件 (*.json)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Build the scorecard: a logistic regression on the weight of evidence of every feature&apos;s bins (the bins grouped by hand on the Binning page where there are some), scaled to points.</source>
        <translation>生成评分卡：对每个特征分箱的证据权重做逻辑回归（有手动分组的特征使用“分箱”页上的分组），再换算为分数。</translation>
    </message>
    <message numerus="yes">
        <source>%1 = %2: %n feature(s); %3 points at odds %4:1, %5 points to double the odds (factor %6, offset %7). The intercept gives %8 points to every applicant.</source>
        <translation>
            <numerusform>%1 = %2：%n 个特征；比率 %4:1 时为 %3 分，每 %5 分比率翻倍（因子 %6，偏移 %7）。截距给每位申请人 %8 分。</numerusform>
        </translation>
    </message>
    <message>
        <source>Bins grouped by hand: %1.</source>
        <translation>手动分组的分箱：%1。</translation>
    </message>
    <message>
        <source>(intercept)</source>
        <translation>（截距）</translation>
    </message>
    <message>
        <source>Warnings:</source>
        <translation>警告：</translation>
    </message>
    <message>
        <source>%1 is the data file: choose another file for the scorecard.</source>
        <translation>%1 是数据文件：请为评分卡选择另一个文件。</translation>
    </message>
    <message>
        <source>The scorecard could not be saved: %1</source>
        <translation>无法保存评分卡：%1</translation>
    </message>
</context>
<context>
    <name>cmtl::ui::ScorecardWorker</name>
    <message>
        <source>Fitting the scorecard for %1</source>
        <translation>正在为 %1 拟合评分卡</translation>
    </message>
    <message numerus="yes">
        <source>Scorecard of %n feature(s)</source>
        <translation>
            <numerusform>含 %n 个特征的评分卡</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cmtl::ui::ScoringPage</name>
    <message>
        <source>No model: train one or open a model file (File ▸ Open Model).</source>
        <translation>没有模型：请训练模型或打开模型文件（文件 ▸ 打开模型）。</translation>
    </message>
    <message>
        <source>&amp;Score a CSV file…</source>
        <translation>为 CSV 文件评分(&amp;S)…</translation>
    </message>
    <message>
        <source>Save &amp;predictions as CSV…</source>
        <translation>将预测结果保存为 CSV(&amp;P)…</translation>
    </message>
    <message>
        <source>Scoring progress</source>
        <translation>评分进度</translation>
    </message>
    <message>
        <source>Predictions</source>
        <translation>预测结果</translation>
    </message>
    <message numerus="yes">
        <source>Model of &lt;b&gt;%1&lt;/b&gt;: tasks %2; needs %n feature column(s).</source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt; 的模型：任务 %2；需要 %n 个特征列。</numerusform>
        </translation>
    </message>
    <message>
        <source>Score a CSV file</source>
        <translation>为 CSV 文件评分</translation>
    </message>
    <message>
        <source>Data files (*.csv *.txt *.sas7bdat *.xpt *.dta *.sav *.zsav);;CSV files (*.csv *.txt);;All files (*)</source>
        <translation>数据文件 (*.csv *.txt *.sas7bdat *.xpt *.dta *.sav *.zsav);;CSV 文件 (*.csv *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Scored %1 rows of %2</source>
        <translation>已为 %2 的 %1 行评分</translation>
    </message>
    <message>
        <source>%1 cannot be scored with this model: it lacks the column(s) %2, which the model was trained on. Score a file with the same columns as the training data.</source>
        <translation>无法用此模型为 %1 评分：它缺少模型训练时使用的列 %2。请为与训练数据列相同的文件评分。</translation>
    </message>
    <message>
        <source>Save predictions</source>
        <translation>保存预测结果</translation>
    </message>
    <message>
        <source>Predictions saved to %1</source>
        <translation>预测结果已保存到 %1</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Predictions for %1</source>
        <translation>%1 的预测结果</translation>
    </message>
    <message>
        <source>Scored, but not evaluated on this file: %1</source>
        <translation>已评分，但未能在此文件上评估：%1</translation>
    </message>
    <message>
        <source>Not evaluated: %1 (no such column in %2); the other tasks were.</source>
        <translation>未评估：%1（%2 中没有该列）；其他任务已评估。</translation>
    </message>
    <message>
        <source>Not evaluated: %1 (no such column in %2); predictions only.</source>
        <translation>未评估：%1（%2 中没有该列）；仅有预测结果。</translation>
    </message>
    <message>
        <source>Notes on %1:</source>
        <translation>关于 %1 的说明：</translation>
    </message>
    <message>
        <source>Compare with the &amp;loaded data (PSI/CSI)</source>
        <translation>与已载入数据比较 (PSI/CSI)(&amp;L)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancel scoring</source>
        <translation>取消评分</translation>
    </message>
    <message>
        <source>P&amp;oints</source>
        <translation>分值(&amp;O)</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>分值</translation>
    </message>
    <message>
        <source>&amp;Reasons (top K)</source>
        <translation>原因（前 K 个）(&amp;R)</translation>
    </message>
    <message>
        <source>Reasons (top K)</source>
        <translation>原因（前 K 个）</translation>
    </message>
    <message>
        <source>Number of reasons</source>
        <translation>原因个数</translation>
    </message>
    <message>
        <source>Binary tasks:</source>
        <translation>二分类任务：</translation>
    </message>
    <message>
        <source>Score a file, then compare it with the loaded data set (normally the file the model was trained on).</source>
        <translation>先为文件评分，再将其与已载入的数据集（通常是训练该模型所用的文件）比较。</translation>
    </message>
    <message>
        <source>Stability</source>
        <translation>稳定性</translation>
    </message>
    <message>
        <source>Variable</source>
        <translation>变量</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Index</source>
        <translation>指数</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>结论</translation>
    </message>
    <message>
        <source>Bands</source>
        <translation>分段数</translation>
    </message>
    <message>
        <source>Scoring results</source>
        <translation>评分结果</translation>
    </message>
    <message>
        <source>PSI of each task&apos;s score and CSI of each input column between %1 and the scored file.</source>
        <translation>%1 与已评分文件之间：各任务分数的 PSI 和各输入列的 CSI。</translation>
    </message>
    <message>
        <source>Load the data set to compare with (normally the model&apos;s training file) on the Data page.</source>
        <translation>请在“数据”页载入用于比较的数据集（通常是模型的训练文件）。</translation>
    </message>
    <message>
        <source>Stability of %1 (%2 rows) against %3 (%4 rows). Bands: the base data&apos;s deciles (numeric) or levels (categorical), plus missing; 0.5 added to every band&apos;s count. Below 0.1 stable, 0.1 to 0.25 watch, above 0.25 shift.</source>
        <translation>%1（%2 行）相对于 %3（%4 行）的稳定性。分段：基准数据的十分位数（数值列）或取值（类别列），另加缺失值一段；每段计数各加 0.5。低于 0.1 为稳定，0.1 至 0.25 需关注，高于 0.25 为偏移。</translation>
    </message>
    <message>
        <source>stable</source>
        <translation>稳定</translation>
    </message>
    <message>
        <source>watch</source>
        <translation>关注</translation>
    </message>
    <message>
        <source>shift</source>
        <translation>偏移</translation>
    </message>
    <message>
        <source>PSI (score)</source>
        <translation>PSI（分数）</translation>
    </message>
    <message>
        <source>CSI (feature)</source>
        <translation>CSI（特征）</translation>
    </message>
</context>
<context>
    <name>cmtl::ui::ScoringWorker</name>
    <message>
        <source>Reading %1</source>
        <translation>正在读取 %1</translation>
    </message>
    <message>
        <source>Scoring %1 rows</source>
        <translation>正在为 %1 行评分</translation>
    </message>
    <message>
        <source>Scored %1</source>
        <translation>已评分 %1</translation>
    </message>
    <message>
        <source>Evaluating the model on %1</source>
        <translation>正在 %1 上评估模型</translation>
    </message>
    <message>
        <source>%1 is the file this model was trained on: %2 of its %3 rows were used to fit it, so the metrics on this file are optimistic. Judge the model on its test part or on another file.</source>
        <translation>%1 正是训练此模型所用的文件：其 %3 行中有 %2 行用于拟合模型，因此此文件上的指标偏乐观。请以测试集或其他文件来评判模型。</translation>
    </message>
    <message>
        <source>Finding the reasons of %1 rows</source>
        <translation>正在查找 %1 行的原因</translation>
    </message>
    <message>
        <source>Scaling the scores to points</source>
        <translation>正在将分数换算为分值</translation>
    </message>
</context>
<context>
    <name>cmtl::ui::ScreeningTableModel</name>
    <message>
        <source>useless</source>
        <translation>无用</translation>
    </message>
    <message>
        <source>weak</source>
        <translation>弱</translation>
    </message>
    <message>
        <source>medium</source>
        <translation>中等</translation>
    </message>
    <message>
        <source>strong</source>
        <translation>强</translation>
    </message>
    <message>
        <source>suspicious</source>
        <translation>可疑</translation>
    </message>
    <message>
        <source>IV below 0.02: useless; below 0.1: weak; below 0.3: medium; up to 0.5: strong; above 0.5: suspicious (too good to be true: check for a leak of the outcome).</source>
        <translation>IV 低于 0.02：无用；低于 0.1：弱；低于 0.3：中等；不超过 0.5：强；高于 0.5：可疑（好得不像真的：请检查是否泄漏了结果）。</translation>
    </message>
    <message>
        <source>by hand</source>
        <translation>手工</translation>
    </message>
    <message>
        <source>Feature</source>
        <translation>特征</translation>
    </message>
    <message>
        <source>IV</source>
        <translation>IV</translation>
    </message>
    <message>
        <source>Strength</source>
        <translation>强度</translation>
    </message>
    <message>
        <source>AUC</source>
        <translation>AUC</translation>
    </message>
    <message>
        <source>Gini</source>
        <translation>Gini</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>Bins</source>
        <translation>分箱数</translation>
    </message>
    <message>
        <source>Grouping</source>
        <translation>分组</translation>
    </message>
</context>
<context>
    <name>cmtl::ui::SettingsPage</name>
    <message>
        <source>Task weights (lambda)</source>
        <translation>任务权重（lambda）</translation>
    </message>
    <message>
        <source>Choose tasks on the Roles page; each gets a weight here.</source>
        <translation>请在“角色”页选择任务；每个任务在此处获得一个权重。</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Shared &amp;layers:</source>
        <translation>共享层(&amp;L)：</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>&amp;Head hidden layer:</source>
        <translation>输出头隐藏层(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;Dropout:</source>
        <translation>Dropout(&amp;D)：</translation>
    </message>
    <message>
        <source>Optimiser (Adam)</source>
        <translation>优化器（Adam）</translation>
    </message>
    <message>
        <source>Learning &amp;rate:</source>
        <translation>学习率(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Batch size:</source>
        <translation>批大小(&amp;B)：</translation>
    </message>
    <message>
        <source>&amp;Epochs:</source>
        <translation>轮数(&amp;E)：</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Early-stopping &amp;patience:</source>
        <translation>早停耐心轮数(&amp;P)：</translation>
    </message>
    <message>
        <source>L&amp;2 penalty:</source>
        <translation>L2 惩罚(&amp;2)：</translation>
    </message>
    <message>
        <source>objective</source>
        <translation>目标函数</translation>
    </message>
    <message>
        <source>Early stopping &amp;watches:</source>
        <translation>早停监控指标(&amp;W)：</translation>
    </message>
    <message>
        <source>Wide &amp;&amp; deep: a linear path beside the network</source>
        <translation>宽与深：网络旁的线性通路</translation>
    </message>
    <message>
        <source>Re&amp;fit on all training rows</source>
        <translation>在全部训练行上重新训练(&amp;F)</translation>
    </message>
    <message>
        <source>Split and preprocessing</source>
        <translation>划分与预处理</translation>
    </message>
    <message>
        <source>&amp;Training share:</source>
        <translation>训练集占比(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Validation share:</source>
        <translation>验证集占比(&amp;V)：</translation>
    </message>
    <message>
        <source>&amp;Seed:</source>
        <translation>随机种子(&amp;S)：</translation>
    </message>
    <message>
        <source>none: a held-out share of the rows</source>
        <translation>无：使用留出的部分行</translation>
    </message>
    <message>
        <source>Separate test file</source>
        <translation>单独的测试文件</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Browse for a test file</source>
        <translation>浏览测试文件</translation>
    </message>
    <message>
        <source>Test &amp;file:</source>
        <translation>测试文件(&amp;F)：</translation>
    </message>
    <message>
        <source>Levels kept per text column:</source>
        <translation>每个文本列保留的取值数：</translation>
    </message>
    <message>
        <source>Rows a level needs:</source>
        <translation>取值所需的最少行数：</translation>
    </message>
    <message>
        <source>Add &amp;missing-value indicators</source>
        <translation>添加缺失值指示变量(&amp;M)</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>应用程序</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>Reset to &amp;defaults</source>
        <translation>恢复默认值(&amp;D)</translation>
    </message>
    <message>
        <source>Choose a test file</source>
        <translation>选择测试文件</translation>
    </message>
    <message>
        <source>Data files (*.csv *.txt *.sas7bdat *.xpt *.dta *.sav *.zsav);;CSV files (*.csv *.txt);;All files (*)</source>
        <translation>数据文件 (*.csv *.txt *.sas7bdat *.xpt *.dta *.sav *.zsav);;CSV 文件 (*.csv *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Weight of %1</source>
        <translation>%1 的权重</translation>
    </message>
    <message>
        <source>Lambda of %1</source>
        <translation>%1 的 lambda</translation>
    </message>
    <message>
        <source>%1% of the objective</source>
        <translation>占目标函数的 %1%</translation>
    </message>
    <message>
        <source>Shared layers: expected positive sizes separated by commas, such as 128,64.</source>
        <translation>共享层：应为以逗号分隔的正整数，例如 128,64。</translation>
    </message>
    <message>
        <source>Shared layers: give at least one layer size, such as 64.</source>
        <translation>共享层：请至少给出一层的大小，例如 64。</translation>
    </message>
    <message>
        <source>The training and validation shares add up to 100% or more: leave some rows for the test, or choose a separate test file.</source>
        <translation>训练集与验证集占比之和达到或超过 100%：请为测试集留出部分行，或选择单独的测试文件。</translation>
    </message>
    <message>
        <source>The training and validation shares add up to more than 100%.</source>
        <translation>训练集与验证集占比之和超过 100%。</translation>
    </message>
    <message>
        <source>Every task weight is 0: give at least one task a positive lambda.</source>
        <translation>所有任务权重都为 0：请至少给一个任务正的 lambda。</translation>
    </message>
    <message>
        <source>Change %1</source>
        <translation>修改%1</translation>
    </message>
    <message>
        <source>Reset settings to defaults</source>
        <translation>将设置恢复为默认值</translation>
    </message>
    <message>
        <source>Task order</source>
        <translation>任务顺序</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>上移(&amp;U)</translation>
    </message>
    <message>
        <source>Move the task up</source>
        <translation>上移任务</translation>
    </message>
    <message>
        <source>Move d&amp;own</source>
        <translation>下移(&amp;O)</translation>
    </message>
    <message>
        <source>Move the task down</source>
        <translation>下移任务</translation>
    </message>
    <message>
        <source>Weight of evidence (WoE) inputs</source>
        <translation>证据权重（WoE）输入</translation>
    </message>
    <message>
        <source>None: scaled and one-hot inputs</source>
        <translation>无：标准化与独热编码输入</translation>
    </message>
    <message>
        <source>Every feature</source>
        <translation>所有特征</translation>
    </message>
    <message>
        <source>Chosen columns</source>
        <translation>选定的列</translation>
    </message>
    <message>
        <source>WoE inputs</source>
        <translation>WoE 输入</translation>
    </message>
    <message>
        <source>WoE &amp;inputs:</source>
        <translation>WoE 输入(&amp;I)：</translation>
    </message>
    <message>
        <source>WoE columns</source>
        <translation>WoE 列</translation>
    </message>
    <message>
        <source>&amp;Columns:</source>
        <translation>列(&amp;C)：</translation>
    </message>
    <message>
        <source>WoE task</source>
        <translation>WoE 任务</translation>
    </message>
    <message>
        <source>Binned a&amp;gainst:</source>
        <translation>分箱依据(&amp;G)：</translation>
    </message>
    <message>
        <source>%1 (not a feature)</source>
        <translation>%1（不是特征）</translation>
    </message>
    <message>
        <source>%1 (event: %2)</source>
        <translation>%1（事件：%2）</translation>
    </message>
    <message>
        <source>%1 (not a binary task)</source>
        <translation>%1（不是二分类任务）</translation>
    </message>
    <message>
        <source>WoE inputs: check the columns to replace by their weight of evidence, or choose Every feature or None.</source>
        <translation>WoE 输入：请勾选要以证据权重替换的列，或选择“所有特征”或“无”。</translation>
    </message>
    <message>
        <source>WoE inputs: %1 is not a feature on the Roles page; uncheck it, or make it a feature.</source>
        <translation>WoE 输入：%1 在“角色”页上不是特征；请取消勾选，或将其设为特征。</translation>
    </message>
    <message>
        <source>WoE inputs are binned against a binary task: define one on the Roles page, or choose None.</source>
        <translation>WoE 输入需按一个二分类任务分箱：请在“角色”页定义一个，或选择“无”。</translation>
    </message>
    <message>
        <source>WoE inputs: %1 is not a binary task on the Roles page; choose the task they are binned against.</source>
        <translation>WoE 输入：%1 在“角色”页上不是二分类任务；请选择分箱所依据的任务。</translation>
    </message>
    <message>
        <source>Each WoE input uses its optimal binning, counted on the training rows.</source>
        <translation>每个 WoE 输入使用其最优分箱，按训练行计数。</translation>
    </message>
    <message>
        <source>The bins grouped by hand on the Binning page belong to %1 = %2, not to %3 = %4: they are not used, and each WoE input uses its optimal binning.</source>
        <translation>“分箱”页上手动分组的分箱属于 %1 = %2，而不是 %3 = %4：它们不会被使用，每个 WoE 输入使用其最优分箱。</translation>
    </message>
    <message>
        <source>Bins grouped by hand on the Binning page are used for %1 (recounted on the training rows); the other WoE inputs use their optimal binning.</source>
        <translation>%1 使用“分箱”页上手动分组的分箱（按训练行重新计数）；其他 WoE 输入使用其最优分箱。</translation>
    </message>
    <message>
        <source>The bins grouped by hand for columns that are not WoE inputs of this run are not used: %1.</source>
        <translation>为非本次运行 WoE 输入的列手动分组的分箱不会被使用：%1。</translation>
    </message>
</context>
<context>
    <name>cmtl::ui::StartPage</name>
    <message>
        <source>&lt;h1&gt;CreditMTL workbench&lt;/h1&gt;&lt;p&gt;Train one multi-task neural network on a file of loans — a shared trunk and one head per task, such as default, grade and interest rate — and inspect each task&apos;s results.&lt;/p&gt;&lt;ol&gt;&lt;li&gt;&lt;b&gt;Data&lt;/b&gt;: open a CSV file&lt;/li&gt;&lt;li&gt;&lt;b&gt;Roles&lt;/b&gt;: choose tasks and features&lt;/li&gt;&lt;li&gt;&lt;b&gt;Settings&lt;/b&gt;: weigh the tasks (lambda) and tune the network&lt;/li&gt;&lt;li&gt;&lt;b&gt;Training&lt;/b&gt;: watch the loss curves&lt;/li&gt;&lt;li&gt;&lt;b&gt;Results&lt;/b&gt;: ROC, KS, confusion matrices, residuals&lt;/li&gt;&lt;li&gt;&lt;b&gt;Runs&lt;/b&gt; and &lt;b&gt;Scoring&lt;/b&gt;: compare, save the model, score new files&lt;/li&gt;&lt;/ol&gt;</source>
        <translation>&lt;h1&gt;CreditMTL 工作台&lt;/h1&gt;&lt;p&gt;在贷款数据文件上训练一个多任务神经网络——一个共享主干，每个任务（如违约、等级和利率）一个输出头——并查看每个任务的结果。&lt;/p&gt;&lt;ol&gt;&lt;li&gt;&lt;b&gt;数据&lt;/b&gt;：打开 CSV 文件&lt;/li&gt;&lt;li&gt;&lt;b&gt;角色&lt;/b&gt;：选择任务和特征&lt;/li&gt;&lt;li&gt;&lt;b&gt;设置&lt;/b&gt;：为任务加权（lambda）并调整网络&lt;/li&gt;&lt;li&gt;&lt;b&gt;训练&lt;/b&gt;：观察损失曲线&lt;/li&gt;&lt;li&gt;&lt;b&gt;结果&lt;/b&gt;：ROC、KS、混淆矩阵、残差&lt;/li&gt;&lt;li&gt;&lt;b&gt;运行记录&lt;/b&gt;与&lt;b&gt;评分&lt;/b&gt;：比较、保存模型、为新文件评分&lt;/li&gt;&lt;/ol&gt;</translation>
    </message>
    <message>
        <source>Open the &amp;sample (Lending Club loans, three tasks)</source>
        <translation>打开示例(&amp;S)（Lending Club 贷款，三个任务）</translation>
    </message>
    <message>
        <source>&amp;Open a CSV file…</source>
        <translation>打开 CSV 文件(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a &amp;model file…</source>
        <translation>打开模型文件(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Recent files:</source>
        <translation>最近的文件(&amp;R)：</translation>
    </message>
    <message>
        <source>The sample file was not found beside the program.</source>
        <translation>在程序所在位置找不到示例文件。</translation>
    </message>
    <message>
        <source>Recent files</source>
        <translation>最近的文件</translation>
    </message>
</context>
<context>
    <name>cmtl::ui::TableExport</name>
    <message>
        <source>Save table</source>
        <translation>保存表格</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>The table could not be written to %1.</source>
        <translation>无法将表格写入 %1。</translation>
    </message>
    <message>
        <source>Copy Table</source>
        <translation>复制表格</translation>
    </message>
    <message>
        <source>Save Table as CSV…</source>
        <translation>将表格保存为 CSV…</translation>
    </message>
</context>
<context>
    <name>cmtl::ui::TaskWeightChart</name>
    <message>
        <source>Task weights (effective lambda)</source>
        <translation>任务权重（有效 lambda）</translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
</context>
<context>
    <name>cmtl::ui::TrainingPage</name>
    <message>
        <source>No training yet. Choose tasks and settings, then press Train (F5).</source>
        <translation>尚未训练。请选择任务和设置，然后按“训练”（F5）。</translation>
    </message>
    <message>
        <source>Training progress</source>
        <translation>训练进度</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
    </message>
    <message>
        <source>Epoch:</source>
        <translation>轮次：</translation>
    </message>
    <message>
        <source>Elapsed:</source>
        <translation>已用时间：</translation>
    </message>
    <message>
        <source>Remaining (estimate):</source>
        <translation>剩余时间（估计）：</translation>
    </message>
    <message>
        <source>Epoch log</source>
        <translation>训练日志</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>one task</source>
        <translation>一个任务</translation>
    </message>
    <message>
        <source>%1 tasks</source>
        <translation>%1 个任务</translation>
    </message>
    <message>
        <source>Preparing…</source>
        <translation>正在准备…</translation>
    </message>
    <message>
        <source>0 of %1</source>
        <translation>0 / %1</translation>
    </message>
    <message>
        <source>Epoch %1 of %2 — %p%</source>
        <translation>第 %1 / %2 轮 — %p%</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Training finished in %1 s</source>
        <translation>训练完成，用时 %1 秒</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Cancelled — the previous results are kept</source>
        <translation>已取消 — 之前的结果保持不变</translation>
    </message>
    <message>
        <source>Training cancelled</source>
        <translation>训练已取消</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>estimating…</source>
        <translation>正在估计…</translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>Train objective</source>
        <translation>训练目标值</translation>
    </message>
    <message>
        <source>Validation objective</source>
        <translation>验证目标值</translation>
    </message>
    <message>
        <source>%1 validation AUC</source>
        <translation>%1 验证 AUC</translation>
    </message>
    <message>
        <source>%1 validation accuracy</source>
        <translation>%1 验证准确率</translation>
    </message>
    <message>
        <source>%1 validation RMSE</source>
        <translation>%1 验证 RMSE</translation>
    </message>
    <message>
        <source>Seconds</source>
        <translation>秒</translation>
    </message>
    <message>
        <source>epoch log</source>
        <translation>轮次日志</translation>
    </message>
    <message>
        <source>The training objective: each task's loss times its weight, summed, averaged over the epoch's batches.</source>
        <translation>训练目标值：各任务损失乘以其权重后求和，并在该轮的各批次上取平均。</translation>
    </message>
    <message>
        <source>The same on the validation rows, without dropout: the lowest decides which epoch's weights are kept.</source>
        <translation>在验证行上计算的同一目标值（不使用 dropout）：最低值决定保留哪一轮的权重。</translation>
    </message>
    <message>
        <source>Finished at epoch %1 of %2</source>
        <translation>在第 %1 / %2 轮完成</translation>
    </message>
    <message>
        <source>Cancelled: the previous results are kept.</source>
        <translation>已取消：之前的结果保持不变。</translation>
    </message>
    <message>
        <source>The model keeps the weights of this epoch.</source>
        <translation>模型保留此轮的权重。</translation>
    </message>
</context>
<context>
    <name>cmtl::ui::TrainingWorker</name>
    <message>
        <source>Reading the test file</source>
        <translation>正在读取测试文件</translation>
    </message>
    <message>
        <source>Scoring the evaluation rows</source>
        <translation>正在为评估行评分</translation>
    </message>
</context>
<context>
    <name>cmtl::ui::UserGuideDialog</name>
    <message>
        <source>CreditMTL User Guide</source>
        <translation>CreditMTL 用户指南</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>用户指南</translation>
    </message>
    <message>
        <source>:/guide/guide_en.html</source>
        <comment>resource path of the user guide in this language</comment>
        <translation>:/guide/guide_zh_CN.html</translation>
    </message>
</context>
<context>
    <name>cmtl::ui::ExportModelDialog</name>
    <message>
        <source>Export Model</source>
        <translation>导出模型</translation>
    </message>
    <message>
        <source>%1 already exists. Replace it?</source>
        <translation>%1 已存在。要替换它吗？</translation>
    </message>
    <message>
        <source>ONNX graph (.onnx)</source>
        <translation>ONNX 计算图 (.onnx)</translation>
    </message>
    <message>
        <source>SQL query (.sql)</source>
        <translation>SQL 查询 (.sql)</translation>
    </message>
    <message>
        <source>e.g. loan_id</source>
        <translation>例如 loan_id</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>Choose the file to write</source>
        <translation>选择要写入的文件</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>格式(&amp;F)：</translation>
    </message>
    <message>
        <source>Export format</source>
        <translation>导出格式</translation>
    </message>
    <message>
        <source>SQL &amp;dialect:</source>
        <translation>SQL 方言(&amp;D)：</translation>
    </message>
    <message>
        <source>SQL dialect</source>
        <translation>SQL 方言</translation>
    </message>
    <message>
        <source>SQL &amp;table:</source>
        <translation>SQL 表(&amp;T)：</translation>
    </message>
    <message>
        <source>SQL table</source>
        <translation>SQL 表</translation>
    </message>
    <message>
        <source>&amp;Keep columns:</source>
        <translation>保留列(&amp;K)：</translation>
    </message>
    <message>
        <source>Keep columns</source>
        <translation>保留列</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>文件(&amp;F)：</translation>
    </message>
    <message>
        <source>File to write</source>
        <translation>要写入的文件</translation>
    </message>
    <message>
        <source>Export progress</source>
        <translation>导出进度</translation>
    </message>
    <message>
        <source>Model: %1</source>
        <translation>模型：%1</translation>
    </message>
    <message>
        <source>There is no model to export yet: train one, or open a model file (File ▸ Open Model…).</source>
        <translation>还没有可导出的模型：请先训练一个，或打开一个模型文件（文件 ▸ 打开模型…）。</translation>
    </message>
    <message>
        <source>Model to export</source>
        <translation>要导出的模型</translation>
    </message>
    <message>
        <source>Export status</source>
        <translation>导出状态</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>SQL files (*.sql);;All files (*)</source>
        <translation>SQL 文件 (*.sql);;所有文件 (*)</translation>
    </message>
    <message>
        <source>ONNX files (*.onnx);;All files (*)</source>
        <translation>ONNX 文件 (*.onnx);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Choose the file to write (File).</source>
        <translation>请选择要写入的文件（文件）。</translation>
    </message>
    <message>
        <source>%1 is a file the model was read from; choose another file to write, so that it is not overwritten.</source>
        <translation>%1 是模型读取来源的文件；请选择另一个文件写入，以免覆盖它。</translation>
    </message>
    <message>
        <source>%1 is a folder; choose a file name.</source>
        <translation>%1 是文件夹；请选择一个文件名。</translation>
    </message>
    <message>
        <source>Not exported: %1 was kept as it is.</source>
        <translation>未导出：%1 保持原样。</translation>
    </message>
    <message>
        <source>Exported to %1 (%2 bytes).</source>
        <translation>已导出到 %1（%2 字节）。</translation>
    </message>
    <message>
        <source>The model could not be exported: %1</source>
        <translation>无法导出模型：%1</translation>
    </message>
    <message>
        <source>The model could not be exported: %1
%2</source>
        <translation>无法导出模型：%1
%2</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
</context>
<context>
    <name>cmtl::ui::ExportModelWorker</name>
    <message>
        <source>Building the ONNX graph and checking it</source>
        <translation>正在构建并检查 ONNX 计算图</translation>
    </message>
    <message>
        <source>Writing the SQL query</source>
        <translation>正在生成 SQL 查询</translation>
    </message>
    <message>
        <source>Saving %1</source>
        <translation>正在保存 %1</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
</context>
<context>
    <name>cmtl::ui::TuneDialog</name>
    <message>
        <source>The best configuration the search found has not been used.</source>
        <translation>搜索找到的最佳配置尚未使用。</translation>
    </message>
    <message>
        <source>Close and discard the trials? Only a new search gives them back.</source>
        <translation>关闭并丢弃这些试验吗？只有重新搜索才能得到它们。</translation>
    </message>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>complete</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>pruned</source>
        <translation>已淘汰</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>log loss</source>
        <translation>对数损失</translation>
    </message>
    <message>
        <source>Brier score</source>
        <translation>Brier 分数</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>macro-F1</source>
        <translation>宏平均 F1</translation>
    </message>
    <message>
        <source>Tune settings</source>
        <translation>调参</translation>
    </message>
    <message>
        <source>Searches L2, dropout, layers, learning rate, epochs, batch size, early stopping, the lambdas, the architecture and the task weighting (random search with successive halving). Each candidate is scored by repeated cross-validation on the training rows; the test rows are never used. The current settings are the first candidate.</source>
        <translation>搜索 L2、丢弃率、网络层、学习率、轮数、批大小、早停、各任务的 lambda、架构和任务加权方式（随机搜索加逐次减半）。每个候选配置都在训练行上用重复交叉验证评分，从不使用测试行。当前设置是第一个候选。</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Time budget in seconds</source>
        <translation>时间预算（秒）</translation>
    </message>
    <message>
        <source>The search stops when this time is used; the best trial so far is kept</source>
        <translation>用完这段时间后搜索停止，保留目前最好的试验</translation>
    </message>
    <message>
        <source>&amp;Budget:</source>
        <translation>预算(&amp;B)：</translation>
    </message>
    <message>
        <source>Metric to optimise</source>
        <translation>要优化的指标</translation>
    </message>
    <message>
        <source>The task and metric the search maximises (or minimises, for losses and errors), measured on the held-out folds</source>
        <translation>搜索要最大化（损失和误差则最小化）的任务和指标，在留出的折上测量</translation>
    </message>
    <message>
        <source>&amp;Metric:</source>
        <translation>指标(&amp;M)：</translation>
    </message>
    <message>
        <source>Cross-validation folds</source>
        <translation>交叉验证折数</translation>
    </message>
    <message>
        <source>Each candidate is trained on all folds but one and scored on the one left out</source>
        <translation>每个候选在除一折外的所有折上训练，并在留出的那一折上评分</translation>
    </message>
    <message>
        <source>&amp;Folds:</source>
        <translation>折数(&amp;F)：</translation>
    </message>
    <message>
        <source>Cross-validation repeats</source>
        <translation>交叉验证重复次数</translation>
    </message>
    <message>
        <source>The best candidates are scored again on new folds, up to this many times</source>
        <translation>最好的候选会在新的折上再次评分，最多重复这么多次</translation>
    </message>
    <message>
        <source>&amp;Repeats:</source>
        <translation>重复次数(&amp;R)：</translation>
    </message>
    <message>
        <source>Tuning progress</source>
        <translation>调参进度</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>配置</translation>
    </message>
    <message>
        <source>Mean ± sd</source>
        <translation>均值 ± 标准差</translation>
    </message>
    <message>
        <source>Folds</source>
        <translation>折数</translation>
    </message>
    <message>
        <source>Rung</source>
        <translation>级</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Seconds</source>
        <translation>秒</translation>
    </message>
    <message>
        <source>Tuning trials</source>
        <translation>调参试验</translation>
    </message>
    <message>
        <source>&amp;Start tuning</source>
        <translation>开始调参(&amp;S)</translation>
    </message>
    <message>
        <source>Search the settings within the time budget</source>
        <translation>在时间预算内搜索设置</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
    </message>
    <message>
        <source>Stop the search; the trials scored so far are kept</source>
        <translation>停止搜索，保留已评分的试验</translation>
    </message>
    <message>
        <source>&amp;Use best configuration</source>
        <translation>使用最佳配置(&amp;U)</translation>
    </message>
    <message>
        <source>Put the best trial&apos;s settings and lambdas on the Settings page (Edit ▸ Undo brings the old ones back)</source>
        <translation>把最佳试验的设置和 lambda 填入设置页（编辑 ▸ 撤销可恢复原来的设置）</translation>
    </message>
    <message>
        <source>Tuning…</source>
        <translation>正在调参…</translation>
    </message>
    <message>
        <source>Tuning cancelled after %1 trials (%2 s).</source>
        <translation>调参已取消，共 %1 次试验（%2 秒）。</translation>
    </message>
    <message>
        <source>Tuning finished: %1 trials in %2 s.</source>
        <translation>调参完成：%1 次试验，用时 %2 秒。</translation>
    </message>
    <message>
        <source>No trial was scored: give the search a larger budget.</source>
        <translation>没有试验完成评分：请给搜索更大的预算。</translation>
    </message>
    <message>
        <source>Best: trial %1, %2 over %3 folds: %4</source>
        <translation>最佳：第 %1 次试验，%3 折上为 %2：%4</translation>
    </message>
    <message>
        <source>Use tuned configuration</source>
        <translation>使用调参得到的配置</translation>
    </message>
    <message>
        <source>The best configuration is on the Settings page.</source>
        <translation>最佳配置已填入设置页。</translation>
    </message>
</context>
<context>
    <name>cmtl::ui::TuneWorker</name>
    <message>
        <source>Trial %1: %2 folds scored, %3 s</source>
        <translation>第 %1 次试验：已评分 %2 折，%3 秒</translation>
    </message>
</context>
<context>
    <name>cmtl::ui::StabilityWorker</name>
    <message>
        <source>Comparing %1 with %2</source>
        <translation>正在比较 %1 与 %2</translation>
    </message>
    <message>
        <source>Compared %1</source>
        <translation>已比较 %1</translation>
    </message>
</context>
<context>
    <name>cmtl::ui::ImportanceWorker</name>
    <message>
        <source>Shuffling %1 columns</source>
        <translation>正在打乱 %1 列</translation>
    </message>
</context>
<context>
    <name>cmtl::ui::ImportanceDialog</name>
    <message>
        <source>Permutation Importance</source>
        <translation>置换重要性</translation>
    </message>
    <message>
        <source>Model of &lt;b&gt;%1&lt;/b&gt;: how much each task&apos;s metric worsens when one input column&apos;s values are shuffled across the rows (AUC or accuracy: baseline minus shuffled; RMSE: shuffled minus baseline). Larger is more important.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; 的模型：将某一输入列的值在各行之间打乱后，各任务的指标变差多少（AUC 或准确率：基线减打乱后；RMSE：打乱后减基线）。越大越重要。</translation>
    </message>
    <message>
        <source>No model: train one or open a model file (File ▸ Open Model).</source>
        <translation>没有模型：请训练模型或打开模型文件（文件 ▸ 打开模型）。</translation>
    </message>
    <message>
        <source>Data to measure on</source>
        <translation>用于度量的数据</translation>
    </message>
    <message>
        <source>&amp;Data:</source>
        <translation>数据(&amp;D)：</translation>
    </message>
    <message>
        <source>Repeats</source>
        <translation>重复次数</translation>
    </message>
    <message>
        <source>&amp;Repeats:</source>
        <translation>重复次数(&amp;R)：</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <source>S&amp;eed:</source>
        <translation>种子(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Compute</source>
        <translation>计算(&amp;C)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancel importance</source>
        <translation>取消重要性计算</translation>
    </message>
    <message>
        <source>Importance progress</source>
        <translation>重要性计算进度</translation>
    </message>
    <message>
        <source>No labelled data: load the data set on the Data page or score a file that holds the task columns.</source>
        <translation>没有带标签的数据：请在“数据”页载入数据集，或为含有任务列的文件评分。</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>&amp;Task:</source>
        <translation>任务(&amp;T)：</translation>
    </message>
    <message>
        <source>Permutation importance</source>
        <translation>置换重要性</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Mean drop</source>
        <translation>平均下降</translation>
    </message>
    <message>
        <source>SD</source>
        <translation>标准差</translation>
    </message>
    <message>
        <source>Min</source>
        <translation>最小</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>最大</translation>
    </message>
    <message>
        <source>Permutation importance on %1 (%2 repeats, seed %3).</source>
        <translation>在 %1 上的置换重要性（重复 %2 次，种子 %3）。</translation>
    </message>
    <message>
        <source>Cancelled; nothing was changed.</source>
        <translation>已取消；未作任何更改。</translation>
    </message>
    <message>
        <source>%1 on the unshuffled data: %2</source>
        <translation>未打乱数据上的 %1：%2</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>不适用</translation>
    </message>
</context>
<context>
    <name>cmtl::ui::OpenDatabaseDialog</name>
    <message>
        <source>Open Database</source>
        <translation>打开数据库</translation>
    </message>
    <message>
        <source>SQLite file</source>
        <translation>SQLite 文件</translation>
    </message>
    <message>
        <source>ODBC data source</source>
        <translation>ODBC 数据源</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>Choose the SQLite file</source>
        <translation>选择 SQLite 文件</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>文件(&amp;F)：</translation>
    </message>
    <message>
        <source>SQLite database file</source>
        <translation>SQLite 数据库文件</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>主机(&amp;H)：</translation>
    </message>
    <message>
        <source>Server host</source>
        <translation>服务器主机</translation>
    </message>
    <message>
        <source>Por&amp;t:</source>
        <translation>端口(&amp;T)：</translation>
    </message>
    <message>
        <source>Server port</source>
        <translation>服务器端口</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>数据库(&amp;D)：</translation>
    </message>
    <message>
        <source>Database name</source>
        <translation>数据库名</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>用户(&amp;U)：</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>a DSN, or DRIVER={…};SERVER=…;DATABASE=…</source>
        <translation>DSN，或 DRIVER={…};SERVER=…;DATABASE=…</translation>
    </message>
    <message>
        <source>&amp;Data source:</source>
        <translation>数据源(&amp;D)：</translation>
    </message>
    <message>
        <source>ODBC data source or connection string</source>
        <translation>ODBC 数据源或连接字符串</translation>
    </message>
    <message>
        <source>Test &amp;Connection</source>
        <translation>测试连接(&amp;C)</translation>
    </message>
    <message>
        <source>Test the connection and list the tables</source>
        <translation>测试连接并列出表</translation>
    </message>
    <message>
        <source>D&amp;river:</source>
        <translation>驱动(&amp;R)：</translation>
    </message>
    <message>
        <source>Database driver</source>
        <translation>数据库驱动</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>Password (never saved)</source>
        <translation>密码（从不保存）</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>T&amp;able or view:</source>
        <translation>表或视图(&amp;A)：</translation>
    </message>
    <message>
        <source>Read a table or view</source>
        <translation>读取表或视图</translation>
    </message>
    <message>
        <source>Tables and views</source>
        <translation>表和视图</translation>
    </message>
    <message>
        <source>&amp;Query:</source>
        <translation>查询(&amp;Q)：</translation>
    </message>
    <message>
        <source>Read the rows of a query</source>
        <translation>读取查询的行</translation>
    </message>
    <message>
        <source>SELECT query</source>
        <translation>SELECT 查询</translation>
    </message>
    <message>
        <source>SELECT * FROM loans WHERE issue_d &lt; &apos;2018-01-01&apos;</source>
        <translation>SELECT * FROM loans WHERE issue_d &lt; &apos;2018-01-01&apos;</translation>
    </message>
    <message>
        <source>Pre&amp;view</source>
        <translation>预览(&amp;V)</translation>
    </message>
    <message>
        <source>Preview the first rows</source>
        <translation>预览前几行</translation>
    </message>
    <message>
        <source>Rows to read</source>
        <translation>要读取的行</translation>
    </message>
    <message>
        <source>Preview of the first rows</source>
        <translation>前几行的预览</translation>
    </message>
    <message>
        <source>Connection status</source>
        <translation>连接状态</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <source>Open the rows in the workbench</source>
        <translation>在工作台中打开这些行</translation>
    </message>
    <message>
        <source>First rows:</source>
        <translation>前几行：</translation>
    </message>
    <message>
        <source>SQLite databases (*.db *.sqlite *.sqlite3 *.db3);;All files (*)</source>
        <translation>SQLite 数据库 (*.db *.sqlite *.sqlite3 *.db3);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Choose the SQLite database file (Browse…).</source>
        <translation>请选择 SQLite 数据库文件（浏览…）。</translation>
    </message>
    <message>
        <source>Enter the server&apos;s host: its name, its address, or localhost for this machine.</source>
        <translation>请输入服务器主机：主机名、地址，本机则填 localhost。</translation>
    </message>
    <message>
        <source>Enter the name of the database on the server.</source>
        <translation>请输入服务器上数据库的名称。</translation>
    </message>
    <message>
        <source>Enter an ODBC data source name (from odbc.ini) or a connection string.</source>
        <translation>请输入 ODBC 数据源名（见 odbc.ini）或连接字符串。</translation>
    </message>
    <message>
        <source>Press Test Connection to list the tables, then choose one.</source>
        <translation>请按“测试连接”列出表，再选择一个。</translation>
    </message>
    <message>
        <source>Choose a table or view in the list.</source>
        <translation>请在列表中选择一个表或视图。</translation>
    </message>
    <message>
        <source>Write a SELECT query, or choose a table.</source>
        <translation>请编写 SELECT 查询，或选择一个表。</translation>
    </message>
    <message>
        <source>Enter the password again (it is never saved), then Open.</source>
        <translation>请重新输入密码（密码从不保存），然后打开。</translation>
    </message>
    <message>
        <source>Connected. The database has no tables or views: write a query.</source>
        <translation>已连接。该数据库没有表或视图：请编写查询。</translation>
    </message>
    <message>
        <source>Connected; tables and views: %1.</source>
        <translation>已连接；表和视图：%1 个。</translation>
    </message>
    <message>
        <source>The connection failed: %1</source>
        <translation>连接失败：%1</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>The first rows (%1), read as Open will read them; %2 columns.</source>
        <translation>前几行（%1 行），读取方式与“打开”相同；%2 列。</translation>
    </message>
    <message>
        <source>The rows could not be read: %1</source>
        <translation>无法读取这些行：%1</translation>
    </message>
    <message>
        <source>Reading the first rows…</source>
        <translation>正在读取前几行…</translation>
    </message>
</context>
<context>
    <name>cmtl::ui::DatabaseTablesWorker</name>
    <message>
        <source>Connecting to %1</source>
        <translation>正在连接 %1</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>已连接</translation>
    </message>
</context>
</TS>
