using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace GraphQLArchive.Model.Storage;

/// <summary>Stores a decimal as a whole number of hundredths (0.01), exact for money in fen and areas to 0.01 m².</summary>
internal sealed class HundredthsConverter() : ValueConverter<decimal, long>(
    value => (long)decimal.Round(value * 100m),
    stored => stored / 100m);
