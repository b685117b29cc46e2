namespace GraphQLArchive.Ingestion.Extraction;

/// <summary>The word lists the extractor matches on raw text: titles, surnames, places, name suffixes.</summary>
internal static class Gazetteer
{
    /// <summary>Titles that can stand right before a name, longest first where one contains another.</summary>
    public static readonly string[] Titles =
    [
        "党委副书记", "党委书记", "党组书记", "纪委书记", "总书记", "副书记", "书记", "常委", "秘书长", "副秘书长",
        "司令员", "副司令员", "政委", "副政委", "主任", "副主任", "部长", "副部长", "局长", "副局长", "厅长", "副厅长",
        "省长", "副省长", "市长", "副市长", "区长", "副区长", "县长", "副县长", "镇长", "乡长", "组长", "副组长",
        "校长", "副校长", "院长", "副院长", "董事长", "总经理", "副总经理", "主席", "副主席", "区委", "委员", "参谋长", "总队长",
    ];

    /// <summary>Common single-character surnames; a 2–3 character name starts with one.</summary>
    public const string Surnames =
        "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝";

    /// <summary>Provinces by full name, with the short form printed in running text.</summary>
    public static readonly (string Name, string Short)[] Provinces =
    [
        ("北京市", "北京"), ("天津市", "天津"), ("上海市", "上海"), ("重庆市", "重庆"), ("河北省", "河北"), ("山西省", "山西"),
        ("辽宁省", "辽宁"), ("吉林省", "吉林"), ("黑龙江省", "黑龙江"), ("江苏省", "江苏"), ("浙江省", "浙江"), ("安徽省", "安徽"),
        ("福建省", "福建"), ("江西省", "江西"), ("山东省", "山东"), ("河南省", "河南"), ("湖北省", "湖北"), ("湖南省", "湖南"),
        ("广东省", "广东"), ("海南省", "海南"), ("四川省", "四川"), ("贵州省", "贵州"), ("云南省", "云南"), ("陕西省", "陕西"),
        ("甘肃省", "甘肃"), ("青海省", "青海"), ("内蒙古自治区", "内蒙古"), ("广西壮族自治区", "广西"), ("西藏自治区", "西藏"),
        ("宁夏回族自治区", "宁夏"), ("新疆维吾尔自治区", "新疆"),
    ];

    /// <summary>Prefecture-level cities (those of Shanxi and every provincial capital), with their province.</summary>
    public static readonly (string Name, string Short, string Province)[] Cities =
    [
        ("太原市", "太原", "山西省"), ("大同市", "大同", "山西省"), ("阳泉市", "阳泉", "山西省"), ("长治市", "长治", "山西省"),
        ("晋城市", "晋城", "山西省"), ("朔州市", "朔州", "山西省"), ("晋中市", "晋中", "山西省"), ("运城市", "运城", "山西省"),
        ("忻州市", "忻州", "山西省"), ("临汾市", "临汾", "山西省"), ("吕梁市", "吕梁", "山西省"),
        ("石家庄市", "石家庄", "河北省"), ("沈阳市", "沈阳", "辽宁省"), ("长春市", "长春", "吉林省"), ("哈尔滨市", "哈尔滨", "黑龙江省"),
        ("南京市", "南京", "江苏省"), ("杭州市", "杭州", "浙江省"), ("合肥市", "合肥", "安徽省"), ("福州市", "福州", "福建省"),
        ("南昌市", "南昌", "江西省"), ("济南市", "济南", "山东省"), ("郑州市", "郑州", "河南省"), ("武汉市", "武汉", "湖北省"),
        ("长沙市", "长沙", "湖南省"), ("广州市", "广州", "广东省"), ("深圳市", "深圳", "广东省"), ("海口市", "海口", "海南省"),
        ("成都市", "成都", "四川省"), ("贵阳市", "贵阳", "贵州省"), ("昆明市", "昆明", "云南省"), ("西安市", "西安", "陕西省"),
        ("兰州市", "兰州", "甘肃省"), ("西宁市", "西宁", "青海省"), ("呼和浩特市", "呼和浩特", "内蒙古自治区"),
        ("南宁市", "南宁", "广西壮族自治区"), ("拉萨市", "拉萨", "西藏自治区"), ("银川市", "银川", "宁夏回族自治区"),
        ("乌鲁木齐市", "乌鲁木齐", "新疆维吾尔自治区"),
    ];

    /// <summary>Words that end a left-to-right walk back from a suffix: the name starts after them.</summary>
    public static readonly string[] LeftDelimiters =
    [
        "位于", "推进", "听取", "了解", "察看", "来到", "走进", "开工建设的", "和", "与", "及", "暨", "的", "在", "于", "到", "向", "对",
        "为", "把", "赴", "驻", "至", "是", "由", "被", "将", "各", "全", "我",
    ];

    public const string Boundaries = ",，。；;：:！!？?、“”\"（）()《》\n\t 　";

    public static bool IsNameChar(char c) => !Boundaries.Contains(c) && !char.IsWhiteSpace(c);

    public static bool IsCjk(char c) => c is >= '\u4e00' and <= '\u9fff';
}
