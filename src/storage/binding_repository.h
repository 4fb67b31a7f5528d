#pragma once
// Bindings (共济关系): authorizer → user, pending, active or ended.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/binding.h"
#include "storage/database.h"

namespace gongji::storage {

struct OrderChange {
    long long binding_id;
    int order;
    core::Instant valid_from;
};

using BindingRecord = core::Binding;

class BindingRepository {
public:
    explicit BindingRepository(Database& db) : db_(db) {}

    long long insert(const BindingRecord& binding);  // returns the new id
    std::optional<BindingRecord> find(long long id);
    // The pending or active binding of the pair, if any.
    std::optional<BindingRecord> find_open(const std::string& authorizer_id, const std::string& user_id);
    // Pending and active bindings, as the limits of §5 count them; `except` leaves one binding
    // out (a case's own pending binding when it is re-checked at approval).
    int count_open_as_authorizer(const std::string& id_number, long long except = 0);
    int count_open_as_user(const std::string& id_number, long long except = 0);
    // The three counts eligibility needs, in one query; "" for a person not asked about.
    struct OpenCounts {
        int as_authorizer = 0, as_user = 0, pair = 0;
    };
    OpenCounts open_counts(const std::string& authorizer_id, const std::string& user_id, long long except = 0);
    bool open_pair_exists(const std::string& authorizer_id, const std::string& user_id, long long except = 0);
    // The deduction order a new binding of this user takes: after every open one.
    int next_order_for_user(const std::string& user_id);

    // pending → active, its order in force from `since`
    void activate(long long id, core::Instant since);
    void renew(long long id);  // legacy → not legacy
    void end(long long id, core::Instant until, const std::string& reason);
    void remove_pending(long long id);  // a rejected or withdrawn application leaves no binding
    // A new deduction order, in force from `from` (recorded, so older settlements keep theirs).
    void set_order(long long id, int order, core::Instant from);

    // Every binding that has ever been active (active or ended), for settlement.
    std::vector<BindingRecord> list_ever_active();
    void for_each(const std::function<void(const BindingRecord&)>& each);  // every binding, in no order
    std::vector<OrderChange> order_history();  // by binding, oldest first
    std::vector<BindingRecord> list_by_authorizer(const std::string& id_number);
    std::vector<BindingRecord> list_by_user(const std::string& id_number);
    struct OpenPair {
        BindingRecord binding;
        int authorizer_status, user_status;
        std::string authorizer_region, user_region;
    };
    // Every open binding with both people's status and pooling region, for the checks after a
    // roster import.
    std::vector<OpenPair> open_with_people();

private:
    std::vector<BindingRecord> select(const std::string& condition, const std::string& value);
    Database& db_;
};

}  // namespace gongji::storage
