using MemberHub.Web.Outbox;
using MemberHub.Volunteers;

namespace MemberHub.Web.Pages.Volunteers.Requests;

/// <summary>
/// The e-mails of the volunteer feature, queued through <see cref="OutboxQueue"/> in the same SaveChanges as the
/// invitation or reminder they belong to. The outbox's sender writes the member's contact record (ContactSummary) once sent.
/// The text lives here, not in the billing templates, until the organisation asks to edit it.
/// </summary>
public static class VolunteerMail
{
    public const string InvitationCategory = "volunteer-invitation";
    public const string ReminderCategory = "volunteer-reminder";

    public static OutgoingMail Invitation(string myPageUrl, VolunteerRequest r, long memberId, string email, string name, string organisation) =>
        Message(InvitationCategory, r, memberId, email, name,
            subject: $"【{organisation}】ボランティアのお願い：{r.Title}",
            body: $"""
                {name} 様

                いつもありがとうございます。{organisation}です。
                次の活動にご協力いただけないでしょうか。

                {Details(r)}
                ご都合をマイページでお知らせください（参加・見送りのボタンがあります）。
                {myPageUrl}
                マイページをお使いでない方は、このメールへの返信やお電話でも結構です。

                {organisation}
                """,
            summary: $"ボランティアのお願い「{r.Title}」（{VolunteerLabels.When(r)}）をメールで送付");

    public static OutgoingMail Reminder(string myPageUrl, VolunteerRequest r, long memberId, string email, string name, string organisation) =>
        Message(ReminderCategory, r, memberId, email, name,
            subject: $"【{organisation}】まもなく活動日です：{r.Title}",
            body: $"""
                {name} 様

                ご参加のお返事をいただき、ありがとうございます。{organisation}です。
                活動日が近づきましたので、お知らせします。

                {Details(r)}
                ご都合が悪くなった場合は、マイページまたはお電話でお知らせください。
                {myPageUrl}

                {organisation}
                """,
            summary: $"「{r.Title}」（{VolunteerLabels.When(r)}）のリマインドをメールで送付");

    private static string Details(VolunteerRequest r) =>
        $"■ 活動：{r.Title}\n■ 日時：{VolunteerLabels.When(r)}\n"
        + (r.Place is { } p ? $"■ 場所：{p}\n" : "")
        + (r.IsLectureDispatch && r.OutsideBody is { } o ? $"■ 派遣先：{o}\n" : "")
        + (r.Description is { } d ? $"\n{d}\n" : "");

    private static OutgoingMail Message(string category, VolunteerRequest r, long memberId, string email, string name,
        string subject, string body, string summary) =>
        new(category, memberId, r.Id, email, name, subject.Length > 400 ? subject[..400] : subject, body,
            summary.Length > 500 ? summary[..500] : summary);
}
