#pragma once
// ID cards read at the window for a case; appended, never changed.
#include <vector>

#include "core/id_card.h"
#include "storage/database.h"

namespace gongji::storage {

class CardReadRepository {
public:
    explicit CardReadRepository(Database& db) : db_(db) {}
    void insert(long long case_id, const core::CaseCardRead& read);
    std::vector<core::CaseCardRead> list(long long case_id);

private:
    Database& db_;
};

}  // namespace gongji::storage
