using LinkedAudiences.Indexes;
using LinkedAudiences.Models;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OrchardCore.ContentManagement;
using OrchardCore.ContentManagement.Records;
using OrchardCore.Entities;
using OrchardCore.Security;
using OrchardCore.Settings;
using OrchardCore.Users;
using OrchardCore.Users.Models;
using OrchardCore.Users.Services;
using YesSql;

namespace LinkedAudiences.Tests.Infrastructure;

/// <summary>What tests set up or read inside the Default tenant, through Orchard's own services.</summary>
public static class Tenant
{
    public const string UserPassword = "Test-Password-1!";

    public static Task CreateRoleAsync(this Site site, string name, params string[] permissions) =>
        site.InTenantAsync(async services =>
        {
            var role = new Role { RoleName = name, RoleDescription = name };
            role.RoleClaims.AddRange(permissions.Select(RoleClaim.Create));
            var result = await services.GetRequiredService<RoleManager<IRole>>().CreateAsync(role);
            Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        });

    public static Task CreateUserAsync(this Site site, string userName, params string[] roles) =>
        site.InTenantAsync(async services =>
        {
            var errors = new List<string>();
            var user = new User { UserName = userName, Email = userName + "@example.com", EmailConfirmed = true, RoleNames = roles };
            var created = await services.GetRequiredService<IUserService>().CreateUserAsync(user, UserPassword, (_, message) => errors.Add(message));
            Assert.True(created is not null, string.Join("; ", errors));
        });

    /// <summary>Every stored version of an item, oldest first (Orchard keeps them all: they are the definition history).</summary>
    public static Task<IReadOnlyList<ContentItem>> VersionsAsync(this Site site, string contentItemId) =>
        site.InTenantAsync<IReadOnlyList<ContentItem>>(async services =>
        {
            var items = await services.GetRequiredService<ISession>()
                .Query<ContentItem, ContentItemIndex>(x => x.ContentItemId == contentItemId)
                .OrderBy(x => x.Id)
                .ListAsync();
            return [.. items];
        });

    public static Task<ContentItem?> GetAsync(this Site site, string contentItemId, VersionOptions options) =>
        site.InTenantAsync(services => services.GetRequiredService<IContentManager>().GetAsync(contentItemId, options))!;

    public static Task<IReadOnlyList<ContentItem>> ListAsync(this Site site, string contentType) =>
        site.InTenantAsync<IReadOnlyList<ContentItem>>(async services =>
        {
            var items = await services.GetRequiredService<ISession>()
                .Query<ContentItem, ContentItemIndex>(x => x.ContentType == contentType && x.Published)
                .ListAsync();
            return [.. items];
        });

    public static Task<LinkedAudiencesSettings> SettingsAsync(this Site site) =>
        site.InTenantAsync(async services =>
            (await services.GetRequiredService<ISiteService>().GetSiteSettingsAsync()).GetOrCreate<LinkedAudiencesSettings>());

    public static Task SaveSettingsAsync(this Site site, Action<LinkedAudiencesSettings> change) =>
        site.InTenantAsync(async services =>
        {
            var siteService = services.GetRequiredService<ISiteService>();
            var settings = await siteService.LoadSiteSettingsAsync();
            settings.Alter<LinkedAudiencesSettings>(change);
            await siteService.UpdateSiteSettingsAsync(settings);
        });

    /// <summary>The index row of an audience's live version (published, else latest), as the scheduler will query it.</summary>
    public static Task<LinkedAudienceIndex?> AudienceIndexAsync(this Site site, string audienceKey) =>
        site.InTenantAsync<LinkedAudienceIndex?>(async services =>
        {
            var rows = await services.GetRequiredService<ISession>()
                .QueryIndex<LinkedAudienceIndex>(x => x.AudienceKey == audienceKey)
                .ListAsync();
            return rows.OrderByDescending(r => r.Published).FirstOrDefault();
        });

    /// <summary>The content item ids the activation index lists for an audience.</summary>
    public static Task<IReadOnlyList<string>> ActivationsOfAsync(this Site site, string audienceKey) =>
        site.InTenantAsync<IReadOnlyList<string>>(async services =>
        {
            var rows = await services.GetRequiredService<ISession>()
                .QueryIndex<ActivationIndex>(x => x.AudienceKey == audienceKey && x.Published)
                .ListAsync();
            return [.. rows.Select(r => r.ContentItemId)];
        });

    public static T Part<T>(this ContentItem item)
        where T : ContentPart, new() => item.GetOrCreate<T>();
}
