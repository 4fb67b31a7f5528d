// Pins the audit chain: any edited, deleted, inserted or reordered entry is found, and the
// first broken one is named.
#include <boost/test/unit_test.hpp>

#include "core/audit_chain.h"

#include <functional>

using namespace gongji::core;

namespace {

std::vector<AuditEntry> chain(int n) {
    std::vector<AuditEntry> out;
    std::string prev = kChainStart;
    for (int i = 1; i <= n; ++i) {
        AuditEntry e;
        e.seq = i;
        e.at = "2026-11-22T01:00:0" + std::to_string(i % 10) + "Z";
        e.actor = i % 2 ? "clerk" : "super";
        e.workstation = "win-01";
        e.action = "case.submit";
        e.entity = "case";
        e.entity_key = "GJ20261122-00000" + std::to_string(i);
        e.after = "{\"n\":" + std::to_string(i) + "}";
        e.prev_hash = prev;
        e.hash = audit_entry_hash(e);
        prev = e.hash;
        out.push_back(e);
    }
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(audit_chain)

BOOST_AUTO_TEST_CASE(an_intact_chain_verifies) {
    auto c = chain(5);
    BOOST_TEST(!verify_audit_chain(c, 5, c.back().hash).has_value());
    BOOST_TEST(!verify_audit_chain({}, 0, kChainStart).has_value());
}

BOOST_AUTO_TEST_CASE(every_kind_of_tampering_names_the_first_broken_entry) {
    auto base = chain(6);
    const auto head = base.back().hash;
    struct Case { const char* name; std::function<void(std::vector<AuditEntry>&)> tamper; long long first; };
    const std::vector<Case> cases = {
        {"content edited", [](auto& c) { c[2].after = "{\"n\":99}"; }, 3},
        {"actor edited", [](auto& c) { c[4].actor = "admin"; }, 5},
        {"edited with its hash recomputed", [](auto& c) { c[1].actor = "x"; c[1].hash = audit_entry_hash(c[1]); }, 3},
        {"deleted in the middle", [](auto& c) { c.erase(c.begin() + 3); }, 4},
        {"deleted at the end", [](auto& c) { c.pop_back(); }, 6},
        {"inserted", [](auto& c) { auto e = c[2]; e.after = "{}"; c.insert(c.begin() + 3, e); for (size_t i = 3; i < c.size(); ++i) c[i].seq = static_cast<long long>(i) + 1; }, 4},
        {"reordered", [](auto& c) { std::swap(c[1], c[2]); std::swap(c[1].seq, c[2].seq); }, 2},
        {"appended outside the log", [](auto& c) { auto e = c.back(); e.seq = 7; e.prev_hash = e.hash; e.hash = audit_entry_hash(e); c.push_back(e); }, 7},
    };
    for (const auto& t : cases) {
        BOOST_TEST_CONTEXT(t.name) {
            auto c = base;
            t.tamper(c);
            auto broken = verify_audit_chain(c, 6, head);
            BOOST_REQUIRE(broken.has_value());
            BOOST_TEST(broken->seq == t.first);
            BOOST_TEST(!broken->reason.empty());
        }
    }
}

BOOST_AUTO_TEST_CASE(field_boundaries_cannot_be_shifted) {
    AuditEntry a, b;
    a.actor = "ab";
    a.workstation = "c";
    b.actor = "a";
    b.workstation = "bc";
    BOOST_TEST(audit_entry_hash(a) != audit_entry_hash(b));
}

BOOST_AUTO_TEST_SUITE_END()
