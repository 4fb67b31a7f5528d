// Pins the packed ID number table that the roster and settlement imports look people up in:
// every key found with its value after the table has grown many times, absent keys not found,
// a second insert of a key refused without changing it.
#include <boost/test/unit_test.hpp>

#include <cstdio>
#include <string>

#include "core/id_number.h"
#include "core/packed_id_map.h"

using namespace gongji;

BOOST_AUTO_TEST_SUITE(packed_id_map)

BOOST_AUTO_TEST_CASE(packing_keeps_the_seventeen_digits) {
    BOOST_TEST(core::pack_id_number("450802196503120117") == 45080219650312011ULL);
    BOOST_TEST(core::pack_id_number("11010519491231002X") == 11010519491231002ULL);
    BOOST_TEST(core::pack_id_number("450802196503120117") != core::pack_id_number("450802196503120125"));
}

BOOST_AUTO_TEST_CASE(every_key_is_found_after_growing_and_absent_ones_are_not) {
    core::PackedIdMap map;
    const std::uint32_t n = 50000;  // far past the first 1024 slots: many rehashes
    for (std::uint32_t i = 0; i < n; ++i) BOOST_REQUIRE(map.insert(45080219650000000ULL + i * 7, i));
    BOOST_TEST(map.size() == n);
    bool all = true;
    for (std::uint32_t i = 0; i < n; ++i) {
        const auto* v = map.find(45080219650000000ULL + i * 7);
        all = all && v && *v == i;
    }
    BOOST_TEST(all);
    BOOST_TEST(map.find(45080219650000001ULL) == nullptr);
    BOOST_TEST(!map.insert(45080219650000000ULL, 99));  // present: refused, unchanged
    BOOST_TEST(*map.find(45080219650000000ULL) == 0u);
    core::PackedIdMap empty;
    BOOST_TEST(empty.find(1) == nullptr);
}

BOOST_AUTO_TEST_SUITE_END()
