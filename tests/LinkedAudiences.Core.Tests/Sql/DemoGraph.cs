using LinkedAudiences.Core.Definitions;
using LinkedAudiences.Core.Graph;
using LinkedAudiences.Core.Serialization;

namespace LinkedAudiences.Core.Tests.Sql;

/// <summary>The demo world's data graph (the generator's names), and helpers to read definitions written as JSON.</summary>
internal static class DemoGraph
{
    public static readonly DateTimeOffset AsOf = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    public static DataGraph Graph { get; } = LinkedAudiencesJson.ParseGraph("""
        {
          "profile": {
            "table": "profiles", "idColumn": "profile_id", "traitsColumn": "traits",
            "traits": [
              { "name": "email", "type": "STRING", "column": "email" },
              { "name": "first_name", "type": "STRING", "column": "first_name" },
              { "name": "plan", "type": "STRING", "column": "plan" },
              { "name": "role", "type": "STRING", "column": "role" },
              { "name": "lifetime_value", "type": "NUMBER", "column": "lifetime_value" },
              { "name": "credit_limit", "type": "NUMBER", "column": "credit_limit" },
              { "name": "birthday", "type": "DATE", "column": "birthday" },
              { "name": "signed_up_at", "type": "TIMESTAMP", "column": "signed_up_at" },
              { "name": "is_vip", "type": "BOOLEAN", "column": "is_vip" },
              { "name": "preferred_contact_time", "type": "TIME", "column": "preferred_contact_time" },
              { "name": "city", "type": "STRING", "path": "address.city" },
              { "name": "country", "type": "STRING", "path": "address.country" },
              { "name": "loyalty_tier", "type": "STRING", "path": "loyalty.tier" },
              { "name": "loyalty_points", "type": "NUMBER", "path": "loyalty.points" },
              { "name": "last_seen_at", "type": "TIMESTAMP", "path": "last_seen_at" },
              { "name": "favorite_color", "type": "STRING", "path": "favorite_color" }
            ]
          },
          "events": {
            "table": "events", "profileIdColumn": "profile_id", "nameColumn": "event", "timestampColumn": "occurred_at",
            "propertiesColumn": "properties", "contextColumn": "context",
            "properties": [
              { "name": "amount", "type": "NUMBER" }, { "name": "product", "type": "STRING" }, { "name": "currency", "type": "STRING" },
              { "name": "coupon", "type": "STRING" }, { "name": "is_gift", "type": "BOOLEAN" }
            ],
            "context": [ { "name": "locale", "type": "STRING" }, { "name": "channel", "type": "STRING" } ]
          },
          "entities": [
            { "name": "account", "table": "accounts", "primaryKey": "account_id", "columns": [
              { "name": "account_id", "type": "NUMBER" }, { "name": "profile_id", "type": "STRING" }, { "name": "plan", "type": "STRING" },
              { "name": "status", "type": "STRING" }, { "name": "region", "type": "STRING" }, { "name": "credit_limit", "type": "NUMBER" },
              { "name": "opened_at", "type": "TIMESTAMP" } ] },
            { "name": "household", "table": "households", "primaryKey": "household_id", "columns": [
              { "name": "household_id", "type": "NUMBER" }, { "name": "city", "type": "STRING" }, { "name": "size", "type": "NUMBER" },
              { "name": "created_on", "type": "DATE" } ] },
            { "name": "pet", "table": "pets", "primaryKey": "pet_id", "columns": [
              { "name": "pet_id", "type": "NUMBER" }, { "name": "household_id", "type": "NUMBER" }, { "name": "type", "type": "STRING" },
              { "name": "name", "type": "STRING" }, { "name": "age", "type": "NUMBER" }, { "name": "adopted_on", "type": "DATE" } ] },
            { "name": "credit_card", "table": "credit_cards", "primaryKey": "card_id", "columns": [
              { "name": "card_id", "type": "NUMBER" }, { "name": "account_id", "type": "NUMBER" }, { "name": "balance_status", "type": "STRING" },
              { "name": "balance", "type": "NUMBER" }, { "name": "card_limit", "type": "NUMBER" }, { "name": "network", "type": "STRING" },
              { "name": "is_active", "type": "BOOLEAN" }, { "name": "issued_at", "type": "TIMESTAMP" }, { "name": "expires_on", "type": "DATE" } ] },
            { "name": "subscription", "table": "subscriptions", "primaryKey": "subscription_id", "columns": [
              { "name": "subscription_id", "type": "NUMBER" }, { "name": "account_id", "type": "NUMBER" }, { "name": "tier", "type": "STRING" },
              { "name": "monthly_price", "type": "NUMBER" }, { "name": "started_at", "type": "TIMESTAMP" } ] },
            { "name": "transaction", "table": "transactions", "primaryKey": "transaction_id", "columns": [
              { "name": "transaction_id", "type": "NUMBER" }, { "name": "card_id", "type": "NUMBER" }, { "name": "amount", "type": "NUMBER" },
              { "name": "merchant", "type": "STRING" }, { "name": "category", "type": "STRING" }, { "name": "occurred_at", "type": "TIMESTAMP" },
              { "name": "local_time", "type": "TIME" } ] },
            { "name": "order", "table": "orders", "primaryKey": "order_id", "columns": [
              { "name": "order_id", "type": "NUMBER" }, { "name": "account_id", "type": "NUMBER" }, { "name": "status", "type": "STRING" },
              { "name": "total", "type": "NUMBER" }, { "name": "ordered_at", "type": "TIMESTAMP" } ] },
            { "name": "sale", "table": "sales", "primaryKey": "sale_id", "columns": [
              { "name": "sale_id", "type": "NUMBER" }, { "name": "profile_id", "type": "STRING" }, { "name": "amount", "type": "NUMBER" },
              { "name": "sold_at", "type": "TIMESTAMP" } ] },
            { "name": "wishlist_item", "table": "wishlist_items", "primaryKey": "item_id", "columns": [
              { "name": "item_id", "type": "NUMBER" }, { "name": "profile_id", "type": "STRING" }, { "name": "product", "type": "STRING" },
              { "name": "price", "type": "NUMBER" }, { "name": "added_at", "type": "TIMESTAMP" } ] }
          ],
          "relationships": [
            { "name": "profile_accounts", "from": "profile", "to": "account", "join": { "fromColumn": "profile_id", "toColumn": "profile_id" } },
            { "name": "profile_households", "from": "profile", "to": "household",
              "junction": { "table": "household_members", "fromColumn": "profile_id", "toColumn": "household_id" } },
            { "name": "household_pets", "from": "household", "to": "pet", "join": { "fromColumn": "household_id", "toColumn": "household_id" } },
            { "name": "account_credit_cards", "from": "account", "to": "credit_card", "join": { "fromColumn": "account_id", "toColumn": "account_id" } },
            { "name": "account_subscriptions", "from": "account", "to": "subscription", "join": { "fromColumn": "account_id", "toColumn": "account_id" } },
            { "name": "account_orders", "from": "account", "to": "order", "join": { "fromColumn": "account_id", "toColumn": "account_id" } },
            { "name": "credit_card_transactions", "from": "credit_card", "to": "transaction", "join": { "fromColumn": "card_id", "toColumn": "card_id" } },
            { "name": "profile_sales", "from": "profile", "to": "sale", "join": { "fromColumn": "profile_id", "toColumn": "profile_id" } },
            { "name": "profile_wishlist_items", "from": "profile", "to": "wishlist_item", "join": { "fromColumn": "profile_id", "toColumn": "profile_id" } }
          ]
        }
        """);

    public static AudienceDefinition Audience(string json) => LinkedAudiencesJson.ParseAudience(json);
}
