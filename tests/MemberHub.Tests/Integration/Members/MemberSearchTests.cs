using System.Net;
using MemberHub.Identity;
using MemberHub.Members;
using MemberHub.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MemberHub.Tests.Integration.Members;

public abstract class MemberSearchTests(MemberHubFactory app)
{
    private async Task<List<string>> NamesFoundAsync(HttpClient client, string query)
    {
        var doc = await client.GetDocumentAsync(query);
        return doc.QuerySelectorAll("#member-rows tbody tr td:nth-child(2) a").Select(a => a.TextContent.Trim()).ToList();
    }

    [Fact]
    public async Task One_box_finds_a_member_by_name_furigana_in_any_form_number_phone_and_email()
    {
        app.SkipIfUnavailable();
        var yamada = await new MemberBuilder().Named("山田 検索", "ヤマダ ケンサク")
            .WithPhone("03-4321-8765").WithMobile("090-1357-2468").WithEmail("Kensaku.Yamada@Example.jp").CreateAsync(app);
        await new MemberBuilder().Named("山本 別人", "ヤマモト ベツジン").CreateAsync(app);
        var staff = await app.SignInAsAsync(Roles.Staff);

        foreach (var q in new[] { "ﾔﾏﾀﾞ", "ヤマダ", "やまだ", "山田", "やまだ けんさく", "ﾔﾏﾀﾞｹﾝｻｸ", yamada.MemberNumber.ToString(),
                     "0343218765", "(03) 4321-8765", "０９０－１３５７－２４６８", "+81 90 1357 2468", "kensaku.yamada@example.jp", "KENSAKU.YAMADA" })
        {
            var names = await NamesFoundAsync(staff.Http, "/Members?q=" + Uri.EscapeDataString(q));
            Assert.True(names.Contains("山田 検索"), $"'{q}' should find 山田 検索, found: {string.Join(", ", names)}");
            Assert.DoesNotContain("山本 別人", names);
        }
        Assert.Empty(await NamesFoundAsync(staff.Http, "/Members?q=" + Uri.EscapeDataString("存在しない名前")));
        // LIKE wildcards typed by the user are plain characters.
        Assert.Empty(await NamesFoundAsync(staff.Http, "/Members?q=" + Uri.EscapeDataString("%_%")));
    }

    [Fact]
    public async Task Filters_paging_and_the_count_work_together_and_archived_members_are_hidden_unless_asked()
    {
        app.SkipIfUnavailable();
        var tag = "頁送り" + Guid.NewGuid().ToString("N")[..6];
        for (var i = 0; i < 52; i++)
            await new MemberBuilder().WithTag(tag).InPrefecture(i % 2 == 0 ? "北海道" : "沖縄県").CreateAsync(app);
        await new MemberBuilder().WithTag(tag).Withdrawn().InPrefecture("北海道").CreateAsync(app);
        var archived = await new MemberBuilder().Named("保管 済子", "ホカン スミコ").WithTag(tag).Archived().CreateAsync(app);
        var supporter = await new MemberBuilder().OfClass("賛助会員（個人）").WithTag(tag).InPrefecture("北海道").CreateAsync(app);
        var tagId = await app.WithDbAsync(db => db.Tags.Where(t => t.Name == tag).Select(t => t.Id).SingleAsync());
        var supporterClass = supporter.MemberClassId;
        var staff = await app.SignInAsAsync(Roles.Staff);

        var first = await staff.Http.GetDocumentAsync($"/Members?tagId={tagId}");
        Assert.Equal("54件", first.Text("#member-count"));
        Assert.Equal(50, first.QuerySelectorAll("#member-rows tbody tr").Length);
        var second = await staff.Http.GetDocumentAsync($"/Members?tagId={tagId}&page=2");
        Assert.Equal(4, second.QuerySelectorAll("#member-rows tbody tr").Length);
        Assert.DoesNotContain("保管 済子", second.Body!.TextContent);

        var withArchived = await staff.Http.GetDocumentAsync($"/Members?tagId={tagId}&archived=true&q=" + Uri.EscapeDataString("ホカン"));
        Assert.Equal("1件", withArchived.Text("#member-count"));
        Assert.Contains("保管 済子", withArchived.Text("#member-rows tbody"));

        Assert.Equal("1件", (await staff.Http.GetDocumentAsync($"/Members?tagId={tagId}&status={(int)MemberStatus.Withdrawn}")).Text("#member-count"));
        Assert.Equal("28件", (await staff.Http.GetDocumentAsync($"/Members?tagId={tagId}&prefecture=" + Uri.EscapeDataString("北海道"))).Text("#member-count"));
        Assert.Equal("1件", (await staff.Http.GetDocumentAsync($"/Members?tagId={tagId}&classId={supporterClass}")).Text("#member-count"));

        var byNumber = await staff.Http.GetDocumentAsync($"/Members?tagId={tagId}&sort=number");
        var numbers = byNumber.QuerySelectorAll("#member-rows tbody tr td:first-child").Select(td => int.Parse(td.TextContent.Trim())).ToList();
        Assert.Equal(numbers.Order().ToList(), numbers);
    }

    [Fact]
    public async Task An_htmx_request_gets_only_the_rows_and_the_answer_varies_by_that_header()
    {
        app.SkipIfUnavailable();
        await new MemberBuilder().Named("断片 確認", "ダンペン カクニン").CreateAsync(app);
        var staff = await app.SignInAsAsync(Roles.Staff);

        var fragment = await staff.Http.HtmxGetAsync("/Members?q=" + Uri.EscapeDataString("だんぺん"));
        Assert.Equal(HttpStatusCode.OK, fragment.StatusCode);
        Assert.Contains("HX-Request", fragment.Headers.Vary);
        var html = await fragment.BodyAsync();
        Assert.DoesNotContain("<html", html);
        Assert.DoesNotContain("<nav class=\"navbar", html);
        Assert.Contains("断片 確認", html);
        Assert.Contains("1件", html);

        var full = await staff.Http.GetAsync("/Members?q=" + Uri.EscapeDataString("だんぺん"));
        var fullHtml = await full.BodyAsync();
        Assert.Contains("<html", fullHtml);
        Assert.Contains("hx-get=\"/Members\"", fullHtml);
        Assert.Contains("断片 確認", fullHtml);
    }
}

public class MemberSearchSqliteTests(MemberHubFactory app) : MemberSearchTests(app), IClassFixture<MemberHubFactory>;

public class MemberSearchPostgresTests(PostgresMemberHubFactory app) : MemberSearchTests(app), IClassFixture<PostgresMemberHubFactory>;
