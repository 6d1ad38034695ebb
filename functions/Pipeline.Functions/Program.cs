using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using Pipeline.Hosting;
using Pipeline.Portal;

var builder = FunctionsApplication.CreateBuilder(args);
// ASP.NET Core integration: HTTP functions get the real HttpContext, so the portal's handlers run unchanged.
builder.ConfigureFunctionsWebApplication();
builder.AddPipeline();
builder.AddPortal();
builder.Build().Run();
