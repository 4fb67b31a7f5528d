#include "app/cases/online_applications.h"

#include "app/cases/case_service.h"
#include "app/cases/case_steps.h"
#include "app/platform/clock.h"
#include "app/platform/errors.h"
#include "app/platform/stores.h"
#include "app/setup/policy_service.h"
#include "app/setup/settings.h"
#include "core/json_writer.h"
#include "storage/database.h"
#include "core/relation.h"

namespace gongji::app {
namespace {

// What the channel says of its applicants, held to the window's limits on free text.
constexpr core::TextLimit kAuthorizerName{"authorizer.name", 64}, kUserName{"user.name", 64};
constexpr core::TextLimit kAuthorizerPhone{"authorizer.phone", 32}, kUserPhone{"user.phone", 32};
constexpr core::TextLimit kFileName{"materials.file_name", 200};

// A name the channel gives must be the roster's for that ID number: the channel verified who
// applied, and a name that differs is another person's number typed by mistake.
void require_roster_name(const std::string& given, const core::Person& person, const char* field) {
    if (!given.empty() && given != person.name)
        throw BadInput(std::string(field) + ": \"" + given + "\" is not the roster's name for " + person.id_number,
                       {"name_mismatch", {{"field", field}, {"id", person.id_number}}});
}

void check_apply_no(const std::string& apply_no) {
    const bool ok = !apply_no.empty() && apply_no.size() <= 64 &&
                    apply_no.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") ==
                        std::string::npos;
    if (!ok)
        throw BadInput("apply_no: 1-64 letters, digits, '-' or '_', not \"" + apply_no + "\"",
                       {"apply_no_invalid", {{"apply_no", apply_no}}});
}

// The case already made under this channel's number: the same application again, or a conflict.
std::optional<Received> handed_over_before(Workspace& ws, const OnlineApplication& a, const std::string& body_sha256) {
    auto number = stores(ws).cases.number_of_application(a.via, a.apply_no);
    if (!number) return std::nullopt;
    auto c = find_case(ws, *number);
    if (c.request_key.value_or("") != body_sha256)
        throw Refused("apply_no_conflict", {{"apply_no", a.apply_no}, {"case", c.number}});
    return Received{c, false};
}

core::Case store(Workspace& ws, const Actor& channel, const OnlineApplication& a, const std::string& body_sha256,
                 const std::string& authorizer, const std::string& user) {
    std::vector<CheckedPaper> papers;
    const auto limits = document_limits(ws);
    for (const auto& m : a.materials) {
        refuse_card_read_as_paper(m.type);
        papers.push_back(check_paper(m, limits));
    }
    // The people checked before a case number is taken: a refused application leaves no gap.
    auto person = stores(ws).persons.find(authorizer);
    auto user_person = stores(ws).persons.find(user);
    if (!person || !user_person) {
        const auto& missing = person ? user : authorizer;
        const char* field = person ? "user.id_number" : "authorizer.id_number";
        throw BadInput(std::string(field) + ": " + missing + " is not in the roster",
                       {"not_in_roster", {{"id", missing}, {"field", field}}});
    }
    require_roster_name(a.authorizer.name, *person, "authorizer.name");
    require_roster_name(a.user.name, *user_person, "user.name");
    auto number = take_case_number(ws);
    storage::Transaction tx(database(ws));
    auto c = new_case(number, channel, core::CaseKind::bind, user, a.submitted_at.china_date());
    c.created_at = a.submitted_at;
    c.status = core::CaseStatus::applied;
    c.channel = core::Channel::online;
    c.via = a.via;
    c.apply_no = a.apply_no;
    c.item_code = setting(ws, "item_code_bind");
    c.policy = policy_for_region(list_policies(ws), default_policy(ws), person->pooling_region);
    c.authorizer_id = authorizer;
    c.relation = a.relation;
    c.request_key = body_sha256;
    for (const auto& m : a.materials) c.documents.insert(m.type);
    core::JsonWriter detail;
    detail.begin_object().key("commitment_signed").value(a.commitment_signed);
    detail.key("authorizer_phone").value(a.authorizer.phone).key("user_phone").value(a.user.phone).end_object();
    c.detail = detail.str();
    c.id = stores(ws).cases.insert(c);
    audit_case(ws, channel, "case.apply", "", c);
    for (const auto& paper : papers) store_paper(ws, channel, c.id, c.number, paper);
    tx.commit();
    return c;
}

}  // namespace

Received receive_application(Workspace& ws, const Actor& channel, const OnlineApplication& a,
                             const std::string& body_sha256) {
    require_role(channel, {core::Role::clerk, core::Role::supervisor});
    check_apply_no(a.apply_no);
    const auto authorizer = normalized_id(a.authorizer.id_number, "authorizer.id_number");
    const auto user = normalized_id(a.user.id_number, "user.id_number");
    if (authorizer == user)
        throw BadInput("user.id_number: the authorizer's own; an account pays for its holder without a binding",
                       {"same_person", {{"id", user}}});
    require_within(a.authorizer.name, kAuthorizerName);
    require_within(a.user.name, kUserName);
    require_within(a.authorizer.phone, kAuthorizerPhone);
    require_within(a.user.phone, kUserPhone);
    for (const auto& m : a.materials) require_within(m.file_name, kFileName);
    if (!core::find_relation(a.relation))
        throw BadInput("relation: \"" + a.relation + "\" is not a GB/T 4761 code", {"relation_unknown", {{"relation", a.relation}}});
    if (auto before = handed_over_before(ws, a, body_sha256)) return *before;
    try {
        return {store(ws, channel, a, body_sha256, authorizer, user), true};
    } catch (const std::exception& e) {
        // Two deliveries of one application at once: the other stored it first.
        if (!storage::is_database_error(e)) throw;
        if (auto before = handed_over_before(ws, a, body_sha256)) return *before;
        throw;
    }
}

}  // namespace gongji::app
