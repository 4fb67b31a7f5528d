#pragma once
// The intake service's own tables: channel keys, used nonces, and the channels' event feeds.
#include <functional>
#include <string>
#include <vector>

#include "core/channel.h"
#include "storage/database.h"

namespace gongji::storage {

class IntakeRepository {
public:
    explicit IntakeRepository(Database& db) : db_(db) {}

    void add_key(const core::ChannelKey& key);
    std::optional<core::ChannelKey> find_key(const std::string& key_id);
    std::vector<core::ChannelKey> keys();
    void revoke_key(const std::string& key_id, const core::Instant& at);

    // Records a request's nonce in a statement of its own; false when the key used it before.
    // Nonces seen before `forget_before` (Unix seconds) are cleared on the way.
    bool use_nonce(const std::string& key_id, const std::string& nonce, long long now, long long forget_before);

    // Within the committing transaction: numbers `events` on from their channels' counters (which
    // stay locked until the commit) and writes them.
    void append_events(std::vector<core::CaseEvent>& events);
    // A channel's events after `seq`, oldest first.
    std::vector<core::CaseEvent> events_after(const std::string& via, long long seq, int limit);
    std::vector<core::CaseEvent> events_of_case(const std::string& case_no);
    // Every event, each channel's in order.
    void for_each_event(const std::function<void(const core::CaseEvent&)>& each);
    // The channel's last event number, and how far it acknowledged the feed.
    std::pair<long long, long long> feed_position(const std::string& via);
    // Moves the acknowledged position on to `seq` (never back).
    void acknowledge(const std::string& via, long long seq);

private:
    Database& db_;
};

}  // namespace gongji::storage
