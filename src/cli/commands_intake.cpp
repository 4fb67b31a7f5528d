// intake: the online channels' keys for the intake service (interfaces.md third set).
#include "app/intake/channel_keys.h"
#include "cli/commands.h"
#include "cli/sub_commands.h"
#include "core/json_writer.h"

namespace gongji::cli {
namespace {

const char* const kUsage = "usage: gongji intake key new CHANNEL | intake key revoke KEY_ID | intake key list";

// The secret is printed this once: the channel's back end keeps it, the agency never sees it again.
int key_new(Session& s, const Args& args) {
    args.expect_positional(3, "CHANNEL");
    auto key = app::issue_channel_key(s.workspace(), s.actor(), args.positional()[2]);
    core::JsonWriter w(true);
    w.begin_object().key("key_id").value(key.key_id).key("via").value(key.via).key("secret").value(key.secret).end_object();
    print_json(w.str());
    return 0;
}

int key_revoke(Session& s, const Args& args) {
    args.expect_positional(3, "KEY_ID");
    app::revoke_channel_key(s.workspace(), s.actor(), args.positional()[2]);
    core::JsonWriter w(true);
    w.begin_object().key("key_id").value(args.positional()[2]).key("revoked").value(true).end_object();
    print_json(w.str());
    return 0;
}

int key_list(Session& s, const Args& args) {
    args.expect_positional(2, "");
    core::JsonWriter w(true);
    w.begin_array();
    for (const auto& k : app::channel_keys(s.workspace(), s.actor())) {
        w.begin_object().key("key_id").value(k.key_id).key("via").value(k.via).key("created_by").value(k.created_by);
        w.key("created_at").value(core::china_text(k.created_at, core::ChinaFormat::iso)).key("revoked_at");
        if (k.revoked_at) w.value(core::china_text(k.revoked_at, core::ChinaFormat::iso)); else w.null();
        w.end_object();
    }
    w.end_array();
    print_json(w.str());
    return 0;
}

int key(Session& s, const Args& args) {
    args.allow_only({});
    const auto& pos = args.positional();
    if (pos.size() >= 2 && pos[1] == "new") return key_new(s, args);
    if (pos.size() >= 2 && pos[1] == "revoke") return key_revoke(s, args);
    if (pos.size() >= 2 && pos[1] == "list") return key_list(s, args);
    throw usage_error(kUsage);
}

const SubCommand kIntake[] = {{"key", key}};

}  // namespace

int run_intake(Session& s, const Words& words) { return run_sub_command(s, words, {}, kIntake, kUsage); }

}  // namespace gongji::cli
