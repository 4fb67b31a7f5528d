#include "app/intake/channel_service.h"

#include "app/cases/case_service.h"
#include "app/cases/service_states.h"
#include "app/platform/errors.h"
#include "app/platform/stores.h"
#include "app/trust/audit.h"
#include "core/json_writer.h"

namespace gongji::app {
namespace {

// The case this channel handed over under `apply_no`; another channel's number is unknown here.
core::Case own_application(Workspace& ws, const ChannelCaller& caller, const std::string& apply_no) {
    auto number = stores(ws).cases.number_of_application(caller.via, apply_no);
    if (!number) throw Refused("apply_no_unknown", {{"apply_no", apply_no}});
    return find_case(ws, *number);
}

// Events that end a case with news the applicant must receive (送达).
bool delivers_a_decision(const core::CaseEvent& e) {
    return e.action == "approve" || e.action == "reject" || e.action == "refuse";
}

// What a caller sent, as the log may hold it: printable ASCII (a request's bytes may be anything).
std::string printable(const std::string& sent, std::size_t most) {
    std::string out = sent.substr(0, most);
    for (char& ch : out)
        if (static_cast<unsigned char>(ch) < 0x21 || static_cast<unsigned char>(ch) > 0x7e) ch = '?';
    return out;
}

std::string call_record(const std::string& method, const std::string& path, int status, const std::string& code,
                        const std::string& why = "") {
    core::JsonWriter w;
    w.begin_object().key("method").value(printable(method, 16)).key("path").value(printable(path, 200));
    w.key("status").value(static_cast<long long>(status));
    if (!code.empty()) w.key("refused").value(code);
    if (!why.empty()) w.key("why").value(why);
    w.end_object();
    return w.str();
}

}  // namespace

ApplicationState application_state(Workspace& ws, const ChannelCaller& caller, const std::string& apply_no) {
    auto c = own_application(ws, caller, apply_no);
    return {c, stores(ws).intake.events_of_case(c.number)};
}

core::Case upload_correction(Workspace& ws, const ChannelCaller& caller, const std::string& apply_no,
                             const std::vector<Upload>& papers) {
    auto c = own_application(ws, caller, apply_no);
    const auto limits = document_limits(ws);
    std::vector<CheckedPaper> checked;
    for (const auto& p : papers) {
        refuse_card_read_as_paper(p.type);
        checked.push_back(check_paper(p, limits));
    }
    return answer_correction(ws, caller.actor, c.number, checked);
}

RatingReceipt rate_service(Workspace& ws, const ChannelCaller& caller, const core::RatingInput& in) {
    auto number = stores(ws).cases.number_of_application(caller.via, in.apply_no);
    if (!number) {  // a window's case, by its number: never another channel's application
        const auto numbers = stores(ws).cases.numbers_of_service(in.apply_no);
        if (numbers.size() != 1 || find_case(ws, numbers.front()).channel != core::Channel::window)
            throw Refused("apply_no_unknown", {{"apply_no", in.apply_no}});
        number = numbers.front();
    }
    return store_rating(ws, caller.actor, *number, in, "intake:" + caller.key_id);
}

core::Case withdraw_application(Workspace& ws, const ChannelCaller& caller, const std::string& apply_no) {
    return withdraw_case(ws, caller.actor, own_application(ws, caller, apply_no).number);
}

EventPage channel_events(Workspace& ws, const ChannelCaller& caller, long long after, int limit) {
    if (limit < 1 || limit > kMostEventsPerPage)
        throw BadInput("limit: 1 to 500 events", {"limit_invalid", {{"limit", std::to_string(limit)}}});
    const std::string via = core::kVias.code(caller.via);
    // A cursor past the feed's end would silently skip what comes next: refused, as ack refuses it.
    if (const auto last = stores(ws).intake.feed_position(via).first; after < 0 || after > last)
        throw BadInput("after: 0 to " + std::to_string(last), {"cursor_invalid", {{"cursor", std::to_string(after)}}});
    EventPage page;
    page.events = stores(ws).intake.events_after(via, after, limit);
    page.next = page.events.empty() ? after : page.events.back().seq;
    return page;
}

int acknowledge_events(Workspace& ws, const ChannelCaller& caller, long long cursor) {
    const std::string via = core::kVias.code(caller.via);
    const auto [last, acked] = stores(ws).intake.feed_position(via);
    if (cursor < 0 || cursor > last)
        throw BadInput("cursor: 0 to " + std::to_string(last), {"cursor_invalid", {{"cursor", std::to_string(cursor)}}});
    int delivered = 0;
    for (long long from = acked; from < cursor;) {
        const auto page_start = from;
        auto events = stores(ws).intake.events_after(via, from, kMostEventsPerPage);
        for (const auto& e : events) {
            if (e.seq > cursor) break;
            from = e.seq;
            if (!delivers_a_decision(e)) continue;
            try {
                deliver_case(ws, caller.actor, e.case_no, "channel");
                ++delivered;
            } catch (const Refused& r) {  // delivered before (at the window, or by an earlier ack)
                if (r.code() != "already_delivered") throw;
            }
        }
        if (events.empty() || from == page_start) break;  // numbers have no gaps; this is only a guard
    }
    stores(ws).intake.acknowledge(via, cursor);
    return delivered;
}

void record_call(Workspace& ws, const ChannelCaller& caller, const std::string& method, const std::string& path, int status) {
    audit(ws, {caller.actor.username, caller.actor.workstation}, "intake.call", "intake", caller.key_id, "",
          call_record(method, path, status, ""));
}

void record_refusal(Workspace& ws, const std::string& key_id, const std::string& method, const std::string& path,
                    int status, const std::string& code, const std::string& why) {
    // The key as sent may be anyone's invention: named in the entry, never as a chain of its own.
    std::string key = printable(key_id, 32);
    if (key.empty()) key = "-";
    audit(ws, {"intake", "intake"}, "intake.refuse", "intake", key, "", call_record(method, path, status, code, why));
}

bool database_answers(Workspace& ws) {
    try {
        stores(ws).intake.feed_position("web");
        return true;
    } catch (const std::exception&) {
        return false;
    }
}

}  // namespace gongji::app
