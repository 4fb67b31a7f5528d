#pragma once
// Rows written to one table in bulk, within the caller's transaction: new rows inserted,
// existing ones replaced, keyed by the first column; a row that did not change is not written.
// The dialect chooses how: SQLite runs prepared statements row by row through its C API;
// PostgreSQL streams new rows with COPY straight into the table and merges the others from a
// staging table in one statement at finish(). Between the first row and finish() the connection
// runs nothing else (PostgreSQL holds the COPY open), unless the table says
// statements_between_rows. Storage-internal.
#include <string>
#include <vector>

namespace gongji::storage {

struct BulkTable {
    const char* table;
    std::vector<const char*> columns;  // the first is the key
    std::vector<const char*> stamps;   // set on every row written, but not a change by themselves
    // Rows of stored keys change only the columns listed (the table has others that must be
    // kept): merged with UPDATE, never INSERT.
    bool update_only = false;
    // The caller runs other statements between rows (look-ups): PostgreSQL keeps the rows until
    // finish() instead of holding a COPY open.
    bool statements_between_rows = false;
};

class BulkWriter {
public:
    virtual ~BulkWriter() = default;
    // The row's values by column (from 0); texts must stay alive until row().
    virtual BulkWriter& text(int column, const std::string& value) = 0;
    virtual BulkWriter& integer(int column, long long value) = 0;
    virtual BulkWriter& null(int column) = 0;
    // Ends the row: `is_new` when its key is not stored yet (the caller knows its keys).
    virtual void row(bool is_new) = 0;
    // Writes what is still buffered. Without it nothing buffered is kept.
    virtual void finish() = 0;
    // Rows of stored keys that differed and were written, so far (all of them after finish()).
    virtual long long changed() const = 0;
};

}  // namespace gongji::storage
