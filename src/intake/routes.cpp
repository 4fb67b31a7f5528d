#include "intake/routes.h"

#include <Poco/Exception.h>
#include <Poco/URI.h>

#include <iostream>

#include "app/cases/captured_papers.h"
#include "app/cases/online_applications.h"
#include "app/intake/channel_service.h"
#include "app/platform/clock.h"
#include "app/platform/errors.h"
#include "app/platform/storage_trouble.h"
#include "core/json_writer.h"
#include "intake/application_body.h"

namespace gongji::intake {
namespace {

std::string iso(const core::Instant& t) { return core::china_text(t, core::ChinaFormat::iso); }

Reply application_reply(int status, const core::Case& c) {
    core::JsonWriter w;
    w.begin_object().key("apply_no").value(c.service_number()).key("case").value(c.number);
    w.key("state").value(core::case_status_name(c.status)).end_object();
    return {status, w.str()};
}

// An event as the channel reads it: the state, and beside it what the applicant is told of it
// (reason, note, missing papers, due day: the event's detail, an object of its own).
std::string event_json(const core::CaseEvent& e, bool in_feed) {
    core::JsonWriter w;
    w.begin_object();
    if (in_feed) w.key("cursor").value(e.seq).key("apply_no").value(e.apply_no).key("case").value(e.case_no);
    w.key("action").value(e.action).key("state").value(e.state).key("at").value(iso(e.at)).end_object();
    auto json = w.str();
    if (e.detail.size() > 2) json = json.substr(0, json.size() - 1) + "," + e.detail.substr(1);
    return json;
}

Reply state_reply(const app::ApplicationState& s) {
    const auto& c = s.application;
    core::JsonWriter w;
    w.begin_object().key("apply_no").value(c.service_number()).key("case").value(c.number);
    w.key("state").value(core::case_status_name(c.status)).key("history").begin_array();
    for (const auto& e : s.history) w.raw(event_json(e, false));
    w.end_array().key("delivered_at");
    if (c.delivered_at) w.value(iso(*c.delivered_at)); else w.null();
    w.end_object();
    return {200, w.str()};
}

// "after=12&limit=100" → the values; BadInput for anything but whole numbers.
long long query_number(const Poco::URI::QueryParameters& query, const std::string& name, long long fallback) {
    for (const auto& [k, v] : query) {
        if (k != name) continue;
        try {
            std::size_t used = 0;
            long long n = std::stoll(v, &used);
            if (used == v.size()) return n;
        } catch (const std::logic_error&) {
        }
        throw app::BadInput(name + ": a whole number", {"field_invalid", {{"field", name}}});
    }
    return fallback;
}

// /v1/applications/{apply_no}[/what]: the number, and what follows it.
bool application_path(const std::string& path, std::string& apply_no, std::string& rest) {
    const std::string prefix = "/v1/applications/";
    if (path.rfind(prefix, 0) != 0) return false;
    auto tail = path.substr(prefix.size());
    auto slash = tail.find('/');
    apply_no = tail.substr(0, slash);
    rest = slash == std::string::npos ? "" : tail.substr(slash + 1);
    return !apply_no.empty();
}

int status_of_refusal(const std::string& code) {
    if (code == "signature") return 401;
    if (code == "apply_no_unknown") return 404;
    return 409;
}

Reply route(app::Workspace& ws, const app::ChannelCaller& caller, const Incoming& r, const std::string& body_sha256,
            const Limits& limits) {
    Poco::URI uri;
    try {
        uri = Poco::URI(r.target);
    } catch (const Poco::SyntaxException&) {
        throw app::BadInput("target: not a path and query", {"target_invalid", {}});
    }
    const auto path = uri.getPath();
    std::string apply_no, rest;
    if (r.method == "POST" && path == "/v1/applications") {
        auto application = read_application(r.body, caller.via);
        if (static_cast<int>(application.materials.size()) > limits.max_materials)
            throw app::BadInput("materials: at most " + std::to_string(limits.max_materials),
                                {"too_many_materials", {{"max", std::to_string(limits.max_materials)}}});
        auto received = app::receive_application(ws, caller.actor, application, body_sha256);
        auto reply = application_reply(received.created ? 201 : 200, received.application);
        reply.audited = received.created;
        return reply;
    }
    if (r.method == "GET" && path == "/v1/events") {
        auto page = app::channel_events(ws, caller, query_number(uri.getQueryParameters(), "after", 0),
                                        static_cast<int>(query_number(uri.getQueryParameters(), "limit", 100)));
        core::JsonWriter w;
        w.begin_object().key("events").begin_array();
        for (const auto& e : page.events) w.raw(event_json(e, true));
        w.end_array().key("next").value(page.next).end_object();
        return {200, w.str()};
    }
    if (r.method == "POST" && path == "/v1/events/ack") {
        const auto cursor = read_cursor(r.body);
        const auto delivered = app::acknowledge_events(ws, caller, cursor);
        core::JsonWriter w;
        w.begin_object().key("acknowledged").value(cursor).key("delivered").value(static_cast<long long>(delivered)).end_object();
        return {200, w.str()};
    }
    if (r.method == "POST" && path == "/v1/ratings") {
        const auto receipt = app::rate_service(ws, caller, read_rating(r.body));
        const auto& rating = receipt.rating;
        core::JsonWriter w;
        w.begin_object().key("apply_no").value(rating.apply_no).key("case").value(rating.case_number);
        w.key("round").value(rating.round).key("grade").value(rating.grade);
        w.key("follow_up").value(receipt.follow_up.has_value()).end_object();
        Reply reply{receipt.repeated ? 200 : 201, w.str()};
        reply.audited = !receipt.repeated;
        return reply;
    }
    if (application_path(path, apply_no, rest)) {
        if (r.method == "GET" && rest.empty()) return state_reply(app::application_state(ws, caller, apply_no));
        if (r.method == "POST" && rest == "materials") {
            auto papers = read_materials(r.body);
            if (static_cast<int>(papers.size()) > limits.max_materials)
                throw app::BadInput("materials: at most " + std::to_string(limits.max_materials),
                                    {"too_many_materials", {{"max", std::to_string(limits.max_materials)}}});
            auto reply = application_reply(200, app::upload_correction(ws, caller, apply_no, papers));
            reply.audited = true;
            return reply;
        }
        if (r.method == "POST" && rest == "withdraw") {
            auto reply = application_reply(200, app::withdraw_application(ws, caller, apply_no));
            reply.audited = true;
            return reply;
        }
    }
    return refusal(404, "no_such_call");
}

}  // namespace

int RateLimiter::wait_for(const std::string& key_id, int per_minute, long long now_seconds) {
    std::lock_guard<std::mutex> lock(mutex_);
    auto& [minute, calls] = minutes_[key_id];
    if (minute != now_seconds / 60) {
        minute = now_seconds / 60;
        calls = 0;
    }
    if (++calls <= per_minute) return 0;
    return static_cast<int>(60 - now_seconds % 60);
}

Reply refusal(int status, const std::string& code) {
    core::JsonWriter w;
    w.begin_object().key("refused").value(code).key("details").begin_object().end_object().end_object();
    return {status, w.str(), 0, code};
}

void record_early_refusal(app::Workspace& ws, const Incoming& r, const Reply& reply) {
    try {
        app::record_refusal(ws, r.key_id, r.method, r.target.substr(0, r.target.find('?')), reply.status, reply.refused);
    } catch (const std::exception&) {  // the answer stands
    }
}

Reply health(app::Workspace& ws) {
    return app::database_answers(ws) ? Reply{200, "{\"ok\":true}"} : refusal(503, "database_unavailable");
}

Reply answer(app::Workspace& ws, const Incoming& r, const Limits& limits, RateLimiter& rate) {
    const auto body_sha256 = app::sha256_hex(r.body);
    app::SignedRequest signed_request{r.method, r.target, r.key_id, r.timestamp, r.nonce, r.signature, body_sha256};
    std::optional<app::ChannelCaller> caller;
    Reply reply;
    try {
        caller = app::authenticate_request(ws, signed_request);
        if (int wait = rate.wait_for(caller->key_id, limits.requests_per_minute, app::now().seconds)) {
            reply = refusal(429, "rate_limited");
            reply.retry_after = wait;
        } else {
            reply = route(ws, *caller, r, body_sha256, limits);
        }
    } catch (const app::BadInput& e) {
        core::JsonWriter w;
        w.begin_object().key("refused").value(e.problem().code).key("message").value(e.what()).key("details").begin_object();
        for (const auto& [k, v] : e.problem().params) w.key(k).value(v);
        w.end_object().end_object();
        reply = {422, w.str(), 0, e.problem().code};
    } catch (const app::Refused& e) {
        core::JsonWriter w;
        w.begin_object().key("refused").value(e.code()).key("details").begin_object();
        for (const auto& [k, v] : e.problem().params)
            if (e.code() != "signature") w.key(k).value(v);  // why a signature failed is for the log only
        w.end_object().end_object();
        reply = {status_of_refusal(e.code()), w.str(), 0, e.code()};
        if (e.code() == "signature") reply.why = e.problem().param("why");
    } catch (const app::ConnectionLost&) {
        reply = refusal(503, "database_unavailable");
    } catch (const std::exception& e) {
        // The channel hears a code; the agency's IT staff read the cause in the service's log.
        std::cerr << "gongji-intake: " << r.method << " " << r.target.substr(0, 200) << ": " << e.what() << "\n";
        const auto trouble = app::storage_trouble(e);
        const bool passing = trouble == app::StorageTrouble::busy || trouble == app::StorageTrouble::unreachable;
        reply = passing ? refusal(503, "database_unavailable") : refusal(500, "internal");
    }
    try {
        const auto path = r.target.substr(0, r.target.find('?'));
        if (reply.status < 300 && caller && !reply.audited) app::record_call(ws, *caller, r.method, path, reply.status);
        else if (reply.status >= 400 && reply.status != 503)
            app::record_refusal(ws, r.key_id, r.method, path, reply.status, reply.refused, reply.why);
    } catch (const std::exception&) {  // the answer stands; a database gone is the next call's 503
    }
    return reply;
}

}  // namespace gongji::intake
