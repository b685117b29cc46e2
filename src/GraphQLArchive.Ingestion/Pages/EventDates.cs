using System.Text.RegularExpressions;

namespace GraphQLArchive.Ingestion.Pages;

/// <summary>Reads the <c>7月29日</c> a report opens with; the year comes from the edition.</summary>
internal static class EventDates
{
    private static readonly Regex MonthDay = new(@"(?<month>[0-9０-９]{1,2})月(?<day>[0-9０-９]{1,2})日", RegexOptions.CultureInvariant);

    public static DateOnly? FromLead(string? lead, DateOnly editionDate)
    {
        if (lead is null)
            return null;
        var match = MonthDay.Match(lead);
        if (!match.Success)
            return null;

        var month = ToNumber(match.Groups["month"].Value);
        var day = ToNumber(match.Groups["day"].Value);
        // A report cannot be about a day after it was printed: "12月30日" in a January paper is last year.
        return TryDate(editionDate.Year, month, day) is { } date && date <= editionDate
            ? date
            : TryDate(editionDate.Year - 1, month, day);
    }

    private static DateOnly? TryDate(int year, int month, int day) =>
        month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;

    // Full-width digits (７月２９日) occur in scanned pages.
    private static int ToNumber(string digits) => digits.Aggregate(0, (n, c) => n * 10 + (int)char.GetNumericValue(c));
}
