using System.Text;
using GraphQLArchive.Ingestion.Pages;

namespace GraphQLArchive.Model.Generation;

/// <summary>
/// The words and sentence shapes synthetic reports are built from. Running text is recombined from the
/// seed page's own clauses; names and set phrases come from short lists in the page's register.
/// </summary>
internal sealed class Vocabulary
{
    public static readonly string[] Surnames =
    [
        "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "梁",
        "宋", "郑", "谢", "韩", "唐", "冯", "董", "程", "曹", "袁", "邓", "许", "傅", "沈", "曾", "彭", "吕", "苏", "卢", "蒋",
        "蔡", "贾", "丁", "魏", "薛", "叶", "阎", "潘", "杜", "戴", "夏", "钟", "汪", "田", "任", "姜", "范", "方", "石", "姚",
        "谭", "廖", "邹", "熊", "陆", "郝", "孔", "白", "崔", "康", "毛", "邱", "秦", "史", "顾", "侯", "邵", "孟", "段", "雷",
    ];

    public static readonly string[] GivenNameCharacters =
    [
        "建", "国", "华", "明", "伟", "志", "强", "军", "平", "红", "海", "涛", "斌", "亮", "俊", "峰", "超", "鹏", "勇", "刚",
        "杰", "宏", "春", "晓", "丽", "静", "敏", "燕", "霞", "玲", "芳", "秀", "英", "慧", "颖", "瑞", "祥", "福", "泽", "航",
        "卫", "东", "立", "庆", "文", "武", "德", "荣", "昌", "彬", "林", "云", "飞", "宁", "安", "晋", "辉", "凯", "琳", "玉",
    ];

    /// <summary>Real districts and counties of the city, beside the registry's 尖草坪区.</summary>
    public static readonly string[] Districts = ["小店区", "迎泽区", "杏花岭区", "万柏林区", "晋源区", "清徐县", "阳曲县", "娄烦县", "古交市"];

    public static readonly string[] AreaStems =
    [
        "龙城", "汾东", "长风", "学府", "坞城", "晋祠", "南寨", "北营", "亲贤", "双塔", "府东", "桃园", "兴华", "千峰", "西山",
        "滨河", "新晋", "柳巷", "大东关", "钟楼", "东社", "西张", "阳兴", "南屯", "黄陵", "姚村", "汾河湾", "太堡", "金胜", "罗城",
    ];

    public static readonly string[] AreaSuffixes = ["片区", "街道", "新区", "综合改造片区"];

    public static readonly string[] DevelopmentZones = ["太原经济技术开发区", "太原高新技术产业开发区", "太原武宿综合保税区", "太原不锈钢产业园区"];

    public static readonly string[] Industries =
    [
        "新能源汽车", "智能制造", "信创", "半导体", "生物医药", "数字经济", "碳基新材料", "光电", "节能环保", "轨道交通装备",
        "高端装备", "现代物流", "氢能", "大数据", "特种金属材料", "第三代半导体", "通用航空", "现代农业",
    ];

    /// <summary>Bureaus of the city government: (name, printed title of its head).</summary>
    public static readonly (string Name, string Head)[] Bureaus =
    [
        ("太原市发展和改革委员会", "市发展改革委主任"), ("太原市工业和信息化局", "市工信局局长"), ("太原市住房和城乡建设局", "市住建局局长"),
        ("太原市交通运输局", "市交通局局长"), ("太原市生态环境局", "市生态环境局局长"), ("太原市应急管理局", "市应急管理局局长"),
        ("太原市卫生健康委员会", "市卫健委主任"), ("太原市教育局", "市教育局局长"), ("太原市商务局", "市商务局局长"),
        ("太原市水务局", "市水务局局长"),
    ];

    public static readonly string[] CompanyPrefixes = ["山西", "太原", "晋阳", "三晋", "太行", "汾河", "龙城", "并州", "晋中", "中晋", "华晟", "晋能", "潞安", "吕梁"];
    public static readonly string[] CompanyMiddles = ["", "天", "华", "鑫", "源", "泰", "盛", "瑞", "恒", "宏"];
    public static readonly string[] CompanyTrades =
    [
        "新能源科技", "智能装备", "新材料", "生物医药", "数字科技", "半导体", "现代物流", "建设集团", "环保科技", "光电科技",
        "精密机械", "汽车零部件",
    ];

    public static readonly string[] Products =
    [
        "大传动", "蓝宝石晶体", "碳纤维", "锂电池正极材料", "高端轴承", "液压支架", "智能传感器", "氢燃料电池", "光伏组件",
        "特种钢材", "医用敷料", "服务器", "工业机器人", "数控机床", "铝合金轮毂", "电子玻璃",
    ];

    public static readonly string[] ProjectKinds = ["生产基地项目", "产业化项目", "研发中心项目", "扩能改造项目", "智能工厂项目", "产业园项目"];

    public static readonly string[] UrbanProjects =
    [
        "城市综合体项目", "棚户区改造项目", "老旧小区改造项目", "综合管廊项目", "快速路项目", "商业综合体项目", "保障性住房项目",
        "城中村改造项目", "公园绿地项目", "雨污分流改造项目",
    ];

    public static readonly string[] Phases = ["", "(一期)", "(二期)", "(三期)", "(四期)"];

    public static readonly string[] Meetings =
    [
        "专题会议", "市委常委会会议", "市政府常务会议", "全市重点项目推进会", "全市安全生产工作会议", "市委理论学习中心组学习会",
        "全市优化营商环境大会", "全市防汛工作调度会", "全市招商引资工作会议", "市委财经委员会会议",
    ];

    public static readonly string[] Topics =
    [
        "疫情防控", "防汛减灾", "安全生产", "招商引资", "城市更新", "生态环境保护", "乡村振兴", "民生保障", "项目建设",
        "营商环境优化", "国企改革", "文明城市创建", "双拥共建", "冬季供暖", "汾河治理", "创新驱动发展",
    ];

    public static readonly string[] Slogans =
    [
        "坚持问题导向", "严格责任落实", "强化统筹调度", "压实各方责任", "聚焦重点任务", "狠抓工作落实", "坚持项目为王",
        "优化营商环境", "深化改革创新", "守牢安全底线", "坚持人民至上", "坚定发展信心",
    ];

    public static readonly string[] Kickers = ["奋进新征程 建功新时代", "聚焦高质量发展", "项目建设攻坚年", "我为群众办实事", "一线观察"];

    public static readonly string[] VisitVerbs = ["调研", "督导", "检查", "走访慰问"];

    public static readonly string[] ProjectEvents = ["开工", "投产", "签约", "开工投产", "集中开工"];

    public static readonly string[] Openers = ["会议指出,", "会议强调,", "会议要求,", "据了解,", "目前,", "近年来,"];

    private Vocabulary(IReadOnlyList<string> clauses) => Clauses = clauses;

    /// <summary>
    /// Clauses of the seed page's running text that name nothing in the registry and print no figure (a
    /// figure would contradict the project's own): the filler sentences are recombined from them.
    /// </summary>
    public IReadOnlyList<string> Clauses { get; }

    /// <summary>Reads the clauses of every page under <paramref name="pagesDirectory"/>, leaving out those that contain one of <paramref name="names"/>.</summary>
    public static Vocabulary FromPages(string pagesDirectory, IReadOnlyCollection<string> names, out string pagesText)
    {
        var text = new StringBuilder();
        var clauses = new List<string>();
        foreach (var path in Directory.GetFiles(pagesDirectory, "*.txt").Order(StringComparer.Ordinal))
        {
            var page = File.ReadAllText(path, Encoding.UTF8);
            text.Append(page).Append('\n');
            foreach (var paragraph in PageParser.Parse(page, new DateOnly(2000, 1, 1)).Articles.SelectMany(a => a.Paragraphs.Skip(1)))
                clauses.AddRange(paragraph.Split([',', '。', ';', '!', '?', ':'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                    .Where(c => c.Length is >= 4 and <= 40 && !c.Contains('(') && !c.Any(char.IsAsciiDigit) && !c.Contains("会议") && !c.Contains('“') && !c.Contains('”')
                                && !names.Any(c.Contains)));
        }
        if (clauses.Count < 20)
            throw new InvalidOperationException($"The pages in '{pagesDirectory}' give only {clauses.Count} clauses of running text: the generator needs a real page to draw its vocabulary from.");
        pagesText = text.ToString();
        return new Vocabulary(clauses.Distinct().ToList());
    }
}
