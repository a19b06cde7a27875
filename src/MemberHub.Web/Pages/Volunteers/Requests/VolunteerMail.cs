using MemberHub.Messaging;
using MemberHub.Volunteers;

namespace MemberHub.Web.Pages.Volunteers.Requests;

/// <summary>
/// The e-mails of the volunteer feature, queued in the outbox in the same SaveChanges as the invitation or
/// reminder they belong to. The outbox's sender writes the member's contact record (ContactSummary) once sent.
/// The text lives here, not in the billing templates, until the organisation asks to edit it.
/// </summary>
public static class VolunteerMail
{
    public const string InvitationCategory = "volunteer-invitation";
    public const string ReminderCategory = "volunteer-reminder";

    public static OutboxMessage Invitation(string myPageUrl, VolunteerRequest r, long memberId, string email, string name, string organisation, string sender, DateTime now) =>
        Message(InvitationCategory, r, memberId, email, name, sender, now,
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

    public static OutboxMessage Reminder(string myPageUrl, VolunteerRequest r, long memberId, string email, string name, string organisation, string sender, DateTime now) =>
        Message(ReminderCategory, r, memberId, email, name, sender, now,
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

    private static OutboxMessage Message(string category, VolunteerRequest r, long memberId, string email, string name, string sender, DateTime now,
        string subject, string body, string summary) => new()
    {
        Category = category,
        MemberId = memberId,
        RelatedId = r.Id,
        ToAddress = email,
        ToName = name,
        Subject = subject.Length > 400 ? subject[..400] : subject,
        Body = body,
        Status = OutboxStatus.Pending,
        NextAttemptAt = now,
        MessageId = $"<{Guid.NewGuid():N}@memberhub.volunteers>",
        ContactSummary = summary.Length > 500 ? summary[..500] : summary,
        CreatedAt = now,
        CreatedByName = sender,
        Version = 1,
    };
}
