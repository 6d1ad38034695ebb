using System.Globalization;
using System.Text;
using Pipeline.Application.Ports;
using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Reminders;

namespace Pipeline.Application.Reminders;

/// <summary>
/// The words of a reminder (RULES.md §12): Japanese first, English below; each result asked for with its id, name and
/// fiscal year; links to the portal and to the department's template.
/// </summary>
public static class ReminderText
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>The message for <paramref name="decision"/> to <paramref name="to"/>, <paramref name="cc"/> in
    /// copy.</summary>
    public static ReminderMail Compose(
        Plan plan, Department department, ReminderDecision decision, IReadOnlyList<string> to, IReadOnlyList<string> cc,
        ReminderSettings settings)
    {
        var overdue = decision.Kind == ReminderKind.Overdue;
        var due = decision.DueDate;
        var dueJa = $"{due.Year}年{due.Month}月{due.Day}日";
        var dueEn = due.ToString("d MMMM yyyy", English);
        var portal = new Uri(settings.PortalUrl, "api/portal/");
        var template = new Uri(settings.PortalUrl,
            $"api/plans/{Uri.EscapeDataString(plan.Id.Value)}/departments/"
                + $"{Uri.EscapeDataString(department.Id.Value)}/template");
        var subject = overdue
            ? $"【実績提出期限超過】{plan.Name.Ja} {department.Name.Ja} / Overdue results: {plan.Name.En ?? plan.Id.Value}"
            : $"【実績提出のお願い】{plan.Name.Ja} {department.Name.Ja}（締切 {dueJa}） / Results due {dueEn}";

        var body = new StringBuilder();
        body.AppendLine(string.Create(CultureInfo.InvariantCulture, $"{department.Name.Ja} ご担当者様")).AppendLine();
        body.AppendLine(string.Create(CultureInfo.InvariantCulture, $"「{plan.Name.Ja}」の次の実績が、まだ提出されていません。"));
        body.AppendLine(overdue
            ? $"提出期限（{dueJa}）を過ぎています。至急ご提出ください。（計画の事務局にも写しを送っています）"
            : $"{dueJa}までにご提出ください。");
        body.AppendLine();
        foreach (var item in decision.Items)
        {
            body.AppendLine(
                string.Create(CultureInfo.InvariantCulture,
                    $"・{item.Id} {item.Name.Ja}（{EraYear(item.FiscalYear)} / FY{item.FiscalYear}）{KindJa(item.Kind)}"));
        }

        body.AppendLine().AppendLine(string.Create(CultureInfo.InvariantCulture, $"提出（ポータル）: {portal}"))
            .AppendLine(string.Create(CultureInfo.InvariantCulture, $"提出用テンプレート: {template}")).AppendLine();
        body.AppendLine("このメールは自動送信です。行き違いで提出済みの場合はご容赦ください。").AppendLine();
        body.AppendLine("----").AppendLine();
        body.AppendLine(string.Create(CultureInfo.InvariantCulture, $"To {department.Name.En ?? department.Id.Value},"))
            .AppendLine();
        body.AppendLine(
            string.Create(CultureInfo.InvariantCulture,
                $"The following results of \"{plan.Name.En ?? plan.Name.Ja}\" have not been received."));
        body.AppendLine(overdue
            ? $"They were due on {dueEn}: please submit them now (the plan's secretariat is in copy)."
            : $"Please submit them by {dueEn}.");
        body.AppendLine();
        foreach (var item in decision.Items)
        {
            body.AppendLine(
                string.Create(CultureInfo.InvariantCulture,
                    $"- {item.Id} {item.Name.En ?? item.Name.Ja} (FY{item.FiscalYear}, {item.Kind})"));
        }

        body.AppendLine().AppendLine(string.Create(CultureInfo.InvariantCulture, $"Portal: {portal}"))
            .AppendLine(string.Create(CultureInfo.InvariantCulture, $"Template: {template}")).AppendLine();
        body.AppendLine("This message was sent automatically; if you have just submitted, please disregard it.");
        return new ReminderMail(settings.From, to, cc, subject, body.ToString(),
            $"{plan.Id}/{department.Id}/{decision.Day:yyyy-MM-dd}");
    }

    /// <summary>令和6年度 for FY2024, 令和元年度 for FY2019, 平成30年度 for FY2018.</summary>
    public static string EraYear(int fiscalYear) => fiscalYear switch
    {
        2019 => "令和元年度",
        > 2019 => $"令和{fiscalYear - 2018}年度",
        _ => $"平成{fiscalYear - 1988}年度",
    };

    private static string KindJa(string kind) => kind == "indicator" ? "成果指標の実績値" : "取組の評価";
}
