var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.UseBananaCakePop("/graphql");
app.Run();

public partial class Program;
