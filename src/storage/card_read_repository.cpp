#include "storage/card_read_repository.h"

#include <soci/soci.h>

#include "storage/row_values.h"

namespace gongji::storage {

void CardReadRepository::insert(long long case_id, const core::CaseCardRead& read) {
    OptionalText valid_to(read.valid_to ? std::optional(read.valid_to->to_string()) : std::nullopt);
    int expired = read.expired ? 1 : 0;
    std::string at = read.read_at.utc();
    db_.sql() << "INSERT INTO card_reads (case_id, id_number, name_on_card, valid_to, expired, device, read_by, "
                 "workstation, read_at, photo) VALUES (:c, :i, :n, :v, :e, :d, :b, :w, :a, :p)",
        soci::use(case_id), soci::use(read.id_number), soci::use(read.name_on_card),
        soci::use(valid_to.value, valid_to.ind), soci::use(expired), soci::use(read.device), soci::use(read.read_by),
        soci::use(read.workstation), soci::use(at), soci::use(read.photo_base64);
}

std::vector<core::CaseCardRead> CardReadRepository::list(long long case_id) {
    std::vector<core::CaseCardRead> out;
    for_each_row(
        db_.sql(),
        "SELECT id_number, name_on_card, valid_to, expired, device, read_by, workstation, read_at, photo FROM card_reads "
        "WHERE case_id = :c ORDER BY id",
        [&](const soci::row& r) {
            core::CaseCardRead read;
            read.id_number = r.get<std::string>(0);
            read.name_on_card = r.get<std::string>(1);
            if (auto to = row_optional_text(r, 2)) read.valid_to = core::CivilDate::parse(*to);
            read.expired = row_integer(r, 3) != 0;
            read.device = r.get<std::string>(4);
            read.read_by = r.get<std::string>(5);
            read.workstation = r.get<std::string>(6);
            read.read_at = row_instant(r, 7);
            read.photo_base64 = r.get<std::string>(8);
            out.push_back(std::move(read));
        },
        case_id);
    return out;
}

}  // namespace gongji::storage
