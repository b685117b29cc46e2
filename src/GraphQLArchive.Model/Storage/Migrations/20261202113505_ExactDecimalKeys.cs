using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GraphQLArchive.Model.Storage.Migrations
{
    /// <summary>
    /// Decimals moved from whole hundredths in INTEGER columns (which rounded 0.125 to 0.12 and overflowed past 9.2e16) to
    /// <see cref="Sqlite.DecimalKey"/>'s order-preserving text. <see cref="ExactDecimals"/> left the old integers as text; each is
    /// rewritten here as its key, in SQL, so an archive of any size converts in place. Down goes back to hundredths
    /// (losing what they cannot hold, as before).
    /// </summary>
    public partial class ExactDecimalKeys : Migration
    {
        private static readonly (string Table, string Column)[] Columns =
        [
            ("Projects", "TotalInvestment"), ("Projects", "FloorArea"), ("Projects", "SiteArea"),
            ("Projects", "ExpectedAnnualRevenue"), ("Projects", "ExpectedAnnualTax"), ("ProjectFact", "Value"), ("EditionFact", "Value"),
        ];

        private const string Nines = "999999999999999999"; // 18 digits: every whole part of a 64-bit hundredths value

        /// <summary>Each digit of the digit string <paramref name="digits"/> as 9 minus it (as <c>DecimalKey</c> writes negatives).</summary>
        private static string Complement(string digits) =>
            $"CASE WHEN length({digits}) = 0 THEN '' ELSE printf('%0' || length({digits}) || 'd', CAST(substr('{Nines}', 1, length({digits})) AS INTEGER) - CAST({digits} AS INTEGER)) END";

        /// <summary>The key of the hundredths in <paramref name="column"/>.</summary>
        private static string KeyOfHundredths(string column)
        {
            var h = $"CAST(\"{column}\" AS INTEGER)";
            var whole = $"(CASE WHEN abs({h}) / 100 = 0 THEN '' ELSE CAST(abs({h}) / 100 AS TEXT) END)";
            var fraction = $"rtrim(printf('%02d', abs({h}) % 100), '0')";
            return $"CASE WHEN {h} >= 0 " +
                $"THEN 'P' || char(65 + length({whole})) || {whole} || CASE WHEN {fraction} = '' THEN '' ELSE '.' || {fraction} END " +
                $"ELSE 'N' || char(65 + 29 - length({whole})) || {Complement(whole)} || CASE WHEN {fraction} = '' THEN '' ELSE '.' || {Complement(fraction)} END || '~' END";
        }

        /// <summary>The hundredths of the key in <paramref name="column"/>, its fraction cut after two places.</summary>
        private static string HundredthsOfKey(string column)
        {
            var key = $"\"{column}\"";
            var negative = $"substr({key}, 1, 1) = 'N'";
            var wholeDigits = $"(CASE WHEN {negative} THEN 29 - (unicode(substr({key}, 2, 1)) - 65) ELSE unicode(substr({key}, 2, 1)) - 65 END)";
            var whole = $"substr({key}, 3, {wholeDigits})";
            var cents = $"substr(rtrim(substr({key}, 4 + {wholeDigits}), '~'), 1, 2)";
            return $"CASE WHEN {negative} " +
                $"THEN -(CAST('0' || {Complement(whole)} AS INTEGER) * 100 + CAST(substr({Complement(cents)} || '00', 1, 2) AS INTEGER)) " +
                $"ELSE CAST('0' || {whole} AS INTEGER) * 100 + CAST(substr({cents} || '00', 1, 2) AS INTEGER) END";
        }

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var (table, column) in Columns)
                migrationBuilder.Sql($"UPDATE \"{table}\" SET \"{column}\" = {KeyOfHundredths(column)} WHERE \"{column}\" IS NOT NULL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var (table, column) in Columns)
                migrationBuilder.Sql($"UPDATE \"{table}\" SET \"{column}\" = {HundredthsOfKey(column)} WHERE \"{column}\" IS NOT NULL;");
        }
    }
}
