using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using Pipeline.Hosting;
using Pipeline.Infrastructure.Storage;

var builder = FunctionsApplication.CreateBuilder(args);
builder.AddPipeline();
builder.Build().Run();
