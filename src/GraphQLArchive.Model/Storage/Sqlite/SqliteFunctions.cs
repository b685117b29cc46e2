using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;
using Microsoft.EntityFrameworkCore.Storage;

namespace GraphQLArchive.Model.Storage.Sqlite;

/// <summary>SQLite's translations of the model's SQL functions.</summary>
internal static class SqliteFunctions
{
    private static readonly RelationalTypeMapping Text = new StringTypeMapping("TEXT", System.Data.DbType.String);
    private static readonly RelationalTypeMapping Integer = new IntTypeMapping("INTEGER");

    /// <summary><c>CAST(substr(d, 1, 4) || substr(d, 6, 2) AS INTEGER)</c> of a stored 'yyyy-MM-dd'.</summary>
    public static SqlExpression MonthKey(SqlExpression date) =>
        new SqlUnaryExpression(ExpressionType.Convert,
            new SqlBinaryExpression(ExpressionType.Add, Substring(date, 1, 4), Substring(date, 6, 2), typeof(string), Text),
            typeof(int), Integer);

    private static SqlFunctionExpression Substring(SqlExpression text, int start, int length) =>
        new("substr", [text, new SqlConstantExpression(start, typeof(int), Integer), new SqlConstantExpression(length, typeof(int), Integer)],
            nullable: true, argumentsPropagateNullability: [true, false, false], typeof(string), Text);
}
