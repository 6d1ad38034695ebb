using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Portal.SignIn;

namespace Pipeline.Portal.Api;

/// <summary>
/// The portal's one route table: <c>pipeline serve</c> maps <see cref="All"/> (<c>MapPortal</c>), and the Functions
/// app has a function per route whose trigger names the same template (a test compares the two).
/// </summary>
public static class PortalRoutes
{
    public const string SignInOptions = "sign-in";
    public const string DevelopmentSignIn = "sign-in/development";
    public const string DevelopmentSignOut = "sign-out/development";
    public const string EntraSignIn = "sign-in/entra";
    public const string EntraSignInCallback = "sign-in/entra/callback";
    public const string SignOut = "sign-out";
    public const string Me = "me";
    public const string Plans = "plans";
    public const string Progress = "plans/{planId}/progress";
    public const string Obligations = Department + "/obligations";
    public const string Template = Department + "/template";
    public const string Validate = Department + "/validate";
    public const string Uploads = Department + "/uploads";
    public const string UploadReport = Department + "/uploads/{uploadId}/report";
    public const string Pages = "portal/{*path}";
    public const string ReviewQueue = Plan + "/review";
    public const string ReviewDecision = Plan + "/review/{uploadId}";
    public const string SecretariatOverview = Plan + "/overview";
    public const string ConfirmFiscalYear = Plan + "/fiscal-years/{fiscalYear:int}/confirm";
    public const string ReopenFiscalYear = Plan + "/fiscal-years/{fiscalYear:int}/reopen";
    public const string Commentary = Department + "/commentary/{indicatorId}/{fiscalYear:int}";
    public const string Contacts = Plan + "/contacts";

    private const string Plan = "plans/{planId}";
    private const string Department = Plan + "/departments/{departmentId}";

    /// <summary>Every route of the portal's API, in the order <c>MapPortal</c> maps them.</summary>
    public static readonly IReadOnlyList<PortalRoute> All =
    [
        new("SignInOptions", "GET", SignInOptions, c => Task.FromResult(Portal(c).SignInOptions())),
        new("DevelopmentSignIn", "POST", DevelopmentSignIn, c => Portal(c).DevelopmentSignInAsync(c)),
        new("DevelopmentSignOut", "POST", DevelopmentSignOut, c => Task.FromResult(Portal(c).DevelopmentSignOut(c))),
        new("EntraSignIn", "GET", EntraSignIn, c => Service<EntraSignIn>(c).StartAsync(c)),
        new("EntraSignInCallback", "GET", EntraSignInCallback, c => Service<EntraSignIn>(c).CallbackAsync(c)),
        new("SignOut", "POST", SignOut, c => Service<EntraSignOut>(c).SignOutAsync(c)),
        new("Me", "GET", Me, c => Portal(c).MeAsync(c)),
        new("Plans", "GET", Plans, c => Portal(c).PlansAsync(c)),
        new("ProgressApi", "GET", Progress, c => Portal(c).ProgressAsync(Value(c, "planId"), c.RequestAborted)),
        new("Obligations", "GET", Obligations,
            c => Departments(c).ObligationsAsync(c, Value(c, "planId"), Value(c, "departmentId"))),
        new("Template", "GET", Template,
            c => Departments(c).TemplateAsync(c, Value(c, "planId"), Value(c, "departmentId"))),
        new("Validate", "POST", Validate,
            c => Departments(c).ValidateAsync(c, Value(c, "planId"), Value(c, "departmentId"))),
        new("Upload", "POST", Uploads,
            c => Departments(c).UploadAsync(c, Value(c, "planId"), Value(c, "departmentId"))),
        new("UploadHistory", "GET", Uploads,
            c => Departments(c).HistoryAsync(c, Value(c, "planId"), Value(c, "departmentId"))),
        new("UploadReport", "GET", UploadReport,
            c => Departments(c).ReportAsync(c, Value(c, "planId"), Value(c, "departmentId"), Value(c, "uploadId"))),
        new("ReviewQueue", "GET", ReviewQueue, c => Secretariat(c).QueueAsync(c, Value(c, "planId"))),
        new("ReviewDecision", "POST", ReviewDecision,
            c => Secretariat(c).DecideAsync(c, Value(c, "planId"), Value(c, "uploadId"))),
        new("SecretariatOverview", "GET", SecretariatOverview, c =>
            Secretariat(c).OverviewAsync(c, Value(c, "planId"))),
        new("ConfirmFiscalYear", "POST", ConfirmFiscalYear,
            c => Secretariat(c).FiscalYearAsync(c, Value(c, "planId"), Year(c), confirm: true)),
        new("ReopenFiscalYear", "POST", ReopenFiscalYear,
            c => Secretariat(c).FiscalYearAsync(c, Value(c, "planId"), Year(c), confirm: false)),
        new("Commentary", "PUT", Commentary, c => Service<CommentaryApi>(c).PutAsync(
            c, Value(c, "planId"), Value(c, "departmentId"), Value(c, "indicatorId"), Year(c))),
        new("Contacts", "GET", Contacts, c => Service<ContactsApi>(c).GetAsync(c, Value(c, "planId"))),
        new("SetContacts", "PUT", Contacts, c => Service<ContactsApi>(c).PutAsync(c, Value(c, "planId"))),
        new("PortalPages", "GET", Pages, c => Portal(c).PageAsync(c, c.Request.RouteValues["path"] as string)),
    ];

    private static PortalApi Portal(HttpContext context) => Service<PortalApi>(context);

    private static DepartmentApi Departments(HttpContext context) => Service<DepartmentApi>(context);

    private static T Service<T>(HttpContext context) where T : notnull =>
        context.RequestServices.GetRequiredService<T>();

    private static SecretariatApi Secretariat(HttpContext context) => Service<SecretariatApi>(context);

    /// <summary>The <c>{fiscalYear:int}</c> of the route (the constraint has let only digits through).</summary>
    private static int Year(HttpContext context) =>
        int.Parse(Value(context, "fiscalYear"), System.Globalization.CultureInfo.InvariantCulture);

    private static string Value(HttpContext context, string name) => context.Request.RouteValues[name] as string ?? "";
}
