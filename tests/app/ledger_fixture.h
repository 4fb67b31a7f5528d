#pragma once
// A workspace with a clerk, ready for settlement work: bindings made directly in the register,
// profiles derived from a shipped one, and settlement files imported as the administrator.
#include <optional>
#include <set>
#include <string>

#include "app/setup/policy_service.h"
#include "app/money/settlement_service.h"
#include "core/instant.h"
#include "core/money.h"
#include "fixture.h"
#include "people.h"

namespace gongji::test {

inline const std::string kHeader = "setl_id,user_id_number,time,institution_code,institution_name,use,amount\n";

inline std::string line(const std::string& id, const std::string& user, const std::string& time, const std::string& use,
                 long long fen) {
    return id + "," + user + "," + time + ",H1,贵港市人民医院," + use + "," + core::format_yuan(fen) + "\n";
}

// The platform's settlement records (interfaces.md, second set): one line per paying authorizer.
inline const std::string kRecordedHeader =
    "setl_id,setl_time,certno,psn_name,fixmedins_code,fixmedins_name,med_type,medfee_sumamt,psn_part_amt,acct_pay,"
    "acct_mulaid_pay,mulaid_certno,psn_cash_pay,balc\n";

struct RecordedLine {
    std::string setl_id, china_time, user, med_type = "11";
    long long share = 0, own = 0, mutual_aid = 0;
    std::string authorizer;  // empty without mutual aid
    long long cash = 0, balc = 0;
    std::string csv() const {
        return setl_id + "," + china_time + "," + user + ",某人,H45080200001,贵港市人民医院," + med_type + "," +
               core::format_yuan(share + 1000) + "," + core::format_yuan(share) + "," + core::format_yuan(own) + "," +
               core::format_yuan(mutual_aid) + "," + authorizer + "," + core::format_yuan(cash) + "," +
               core::format_yuan(balc) + "\n";
    }
};

struct Ledger : InitializedWorkspace {
    app::AuditWho system{"admin", "test"};
    app::Actor clerk{"clerk1", core::Role::clerk, "win-01"};

    Ledger() { app::stores(ws).users.add({"clerk1", core::Role::clerk, "00", "00", 1, false, std::nullopt, app::now()}); }

    long long balance(const std::string& id) { return app::stores(ws).persons.find(id)->balance_fen; }

    long long add_binding(const std::string& a, const std::string& u, const std::string& policy, int order,
                          const std::string& since = "2024-01-01T00:00:00Z", std::optional<std::string> until = {},
                          bool legacy = false) {
        storage::BindingRecord b;
        b.authorizer_id = a;
        b.user_id = u;
        b.relation = "12";
        b.policy = policy;
        b.status = until ? core::BindingStatus::ended : core::BindingStatus::active;
        b.deduction_order = order;
        b.legacy = legacy;
        b.created_at = *core::Instant::parse(since);
        b.since = b.created_at;
        if (until) b.until = core::Instant::parse(*until);
        if (until) b.end_reason = "request";
        return app::stores(ws).bindings.insert(b);
    }
    app::SettleReport settle(const std::string& body) { return app::settle_text(ws, kHeader + body, app::Encoding::utf8, system); }
    app::SettleReport settle_recorded(const std::string& body) {
        return app::settle_text(ws, kRecordedHeader + body, app::Encoding::utf8, system);
    }
    void store_profile(const std::string& base, const std::string& name, bool own_first, std::set<core::Use> uses) {
        auto p = app::load_policy(ws, base);
        p.name = name;
        for (auto& v : p.versions) {
            v.own_account_first = own_first;
            v.uses = uses;
        }
        app::store_policy_text(ws, core::policy_profile_to_json(p), "test");
    }
};

}  // namespace gongji::test
