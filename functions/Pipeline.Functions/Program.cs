using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using Pipeline.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.AddPipeline();
builder.Build().Run();
