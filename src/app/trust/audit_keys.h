#pragma once
// The agency's audit keys (issue 15): kept outside the database, in a file only the program's
// accounts may read, so that whoever can write the database cannot seal a rewritten audit entry
// again. One line a key, `ID ALGORITHM CREATED HEX`; the newest seals new entries, the older
// ones still verify what they sealed (rotation).
#include <optional>
#include <string>

#include "core/audit_chain.h"

namespace gongji::app {

// GONGJI_AUDIT_KEY_FILE, else /etc/gongji/audit.key.
std::string audit_key_file();
// Every key in the file; none when there is no file (an agency that has made no key yet).
// BadInput when the file is there but cannot be read or a line cannot be right: entries are
// never sealed without the key the agency made.
core::AuditKeys load_audit_keys();
bool agency_key_configured();  // whether the key file holds a key: new entries are sealed with it
// The key new entries are sealed with: the newest.
std::optional<core::AuditKey> current_audit_key(const core::AuditKeys& keys);
// Makes a new key (32 random bytes) and appends it to the file, created readable by its owner
// only; BadInput when the file cannot be written.
core::AuditKey new_audit_key(core::SealAlgorithm algorithm);

}  // namespace gongji::app
