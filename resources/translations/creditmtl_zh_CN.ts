<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
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
        <source>Per-row scores are not stored in a model file: train in this session to explore thresholds.</source>
        <translation>模型文件不保存逐行得分：请在本次会话中训练后再探索阈值。</translation>
    </message>
    <message>
        <source>Score ≥ %1 flags %2 of %3 rows (%4%) on the %5 part.</source>
        <translation>得分 ≥ %1 时，在%5部分的 %3 行中标记 %2 行（%4%）。</translation>
    </message>
    <message>
        <source>evaluation</source>
        <translation>评估</translation>
    </message>
</context>
<context>
    <name>cmtl::ui::CalibrationChart</name>
    <message>
        <source>Calibration</source>
        <translation>校准</translation>
    </message>
    <message>
        <source>Mean predicted probability</source>
        <translation>平均预测概率</translation>
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
        <source>bins</source>
        <translation>分箱</translation>
    </message>
</context>
<context>
    <name>cmtl::ui::ChartView</name>
    <message>
        <source>Save Chart As…</source>
        <translation>图表另存为…</translation>
    </message>
</context>
<context>
    <name>cmtl::ui::ColumnListModel</name>
    <message>
        <source>numeric</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>categorical</source>
        <translation>类别</translation>
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
    <name>cmtl::ui::ComparisonDialog</name>
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
        <source>Save Chart As…</source>
        <translation>图表另存为…</translation>
    </message>
</context>
<context>
    <name>cmtl::ui::DataLoader</name>
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
        <source>%1: %2 rows, %3 columns</source>
        <translation>%1：%2 行，%3 列</translation>
    </message>
    <message>
        <source>Reading failed</source>
        <translation>读取失败</translation>
    </message>
    <message>
        <source>Reading cancelled</source>
        <translation>已取消读取</translation>
    </message>
    <message>
        <source>columns</source>
        <translation>列信息</translation>
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
</context>
<context>
    <name>cmtl::ui::MainWindow</name>
    <message>
        <source>CreditMTL workbench</source>
        <translation>CreditMTL 工作台</translation>
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
        <source>%1 — CreditMTL workbench</source>
        <translation>%1 — CreditMTL 工作台</translation>
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
        <source>&amp;Save Model…</source>
        <translation>保存模型(&amp;S)…</translation>
    </message>
    <message>
        <source>Sco&amp;re a File…</source>
        <translation>为文件评分(&amp;R)…</translation>
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
        <source>CSV files (*.csv *.txt *.tsv);;All files (*)</source>
        <translation>CSV 文件 (*.csv *.txt *.tsv);;所有文件 (*)</translation>
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
        <source>How the tasks share the network</source>
        <translation>各任务如何共享网络</translation>
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
        <source>How the task weights evolve during training; the lambdas multiply them</source>
        <translation>训练中任务权重如何变化；lambda 与之相乘</translation>
    </message>
    <message>
        <source>Task &amp;weighting:</source>
        <translation>任务加权(&amp;W)：</translation>
    </message>
    <message>
        <source>GradNorm &amp;alpha:</source>
        <translation>GradNorm alpha(&amp;A)：</translation>
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
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>CSV 文件 (*.csv *.txt);;所有文件 (*)</translation>
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
        <source>Notes on %1:</source>
        <translation>关于 %1 的说明：</translation>
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
        <source>Sizes of the shared layers, comma-separated, e.g. 128,64</source>
        <translation>共享层的大小，以逗号分隔，例如 128,64</translation>
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
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>CSV 文件 (*.csv *.txt);;所有文件 (*)</translation>
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
        <source>epoch %1  loss %2  validation %3</source>
        <translation>第 %1 轮  损失 %2  验证 %3</translation>
    </message>
    <message>
        <source>  (%1 s)</source>
        <translation>  （%1 秒）</translation>
    </message>
    <message>
        <source>Finished — %1</source>
        <translation>已完成 — %1</translation>
    </message>
    <message>
        <source>%1; kept the weights of epoch %2.</source>
        <translation>%1；保留第 %2 轮的权重。</translation>
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
        <source>Cancelled.</source>
        <translation>已取消。</translation>
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
</TS>
