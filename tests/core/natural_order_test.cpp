// Pins the order windows and clerks are listed in the figures: numbers inside names by value.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "core/natural_order.h"

using gongji::core::natural_less;

BOOST_AUTO_TEST_SUITE(natural_order)

BOOST_AUTO_TEST_CASE(windows_are_counted_not_spelled) {
    std::vector<std::string> names{"窗口10", "窗口2", "窗口-07", "窗口1", "窗口02", "窗口", "clerk9", "clerk10"};
    std::sort(names.begin(), names.end(), natural_less);
    std::vector<std::string> expected{"clerk9", "clerk10", "窗口", "窗口-07", "窗口1", "窗口2", "窗口02", "窗口10"};
    BOOST_TEST(names == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(it_is_a_strict_order) {
    BOOST_TEST(!natural_less("窗口2", "窗口2"));
    BOOST_TEST(natural_less("a", "a1"));
    BOOST_TEST(!natural_less("a1", "a"));
    BOOST_TEST(natural_less("a99999999999999999999", "a100000000000000000000"));  // past any integer type
}

BOOST_AUTO_TEST_SUITE_END()
