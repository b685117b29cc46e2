using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;
using Microsoft.EntityFrameworkCore.Storage;

namespace GraphQLArchive.Model.Storage.Postgres;

/// <summary>PostgreSQL's translations of the model's SQL functions.</summary>
internal static class PostgresFunctions
{
    private static readonly RelationalTypeMapping Text = new StringTypeMapping("text", System.Data.DbType.String);
    private static readonly RelationalTypeMapping Integer = new IntTypeMapping("integer");

    /// <summary><c>to_char(d, 'YYYYMM')::integer</c> of a date.</summary>
    public static SqlExpression MonthKey(SqlExpression date) =>
        new SqlUnaryExpression(ExpressionType.Convert,
            new SqlFunctionExpression("to_char", [date, new SqlConstantExpression("YYYYMM", typeof(string), Text)],
                nullable: true, argumentsPropagateNullability: [true, false], typeof(string), Text),
            typeof(int), Integer);
}
