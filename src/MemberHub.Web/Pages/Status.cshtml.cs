using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages;

/// <summary>The page shown for 403, 404 and other status codes (re-executed by the status-code middleware).</summary>
public class StatusModel : PageModel
{
    public string Title { get; private set; } = "";
    public string Message { get; private set; } = "";

    public void OnGet(int code) => Describe(code);

    private void Describe(int code)
    {
        (Title, Message) = code switch
        {
            403 => ("アクセスできません", "このページを表示する権限がありません。必要な場合は管理者にご相談ください。"),
            404 => ("ページが見つかりません", "お探しのページは見つかりませんでした。"),
            413 => ("ファイルが大きすぎます", "送信したファイルが大きすぎます。5MBまでのファイルにしてください。"),
            400 => ("リクエストが正しくありません", "画面を読み込み直してから、もう一度お試しください。"),
            _ => ("エラーが発生しました", "しばらくしてから、もう一度お試しください。"),
        };
    }
}
