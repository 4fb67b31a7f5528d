// Pins date parsing and age arithmetic that eligibility and document rules depend on.
#include <boost/test/unit_test.hpp>

#include "core/civil_date.h"

using namespace gongji::core;

BOOST_AUTO_TEST_SUITE(civil_date)

BOOST_AUTO_TEST_CASE(parses_only_real_dates_in_iso_form) {
    BOOST_TEST(CivilDate::parse("2024-02-29").has_value());
    BOOST_TEST(!CivilDate::parse("2023-02-29").has_value());
    BOOST_TEST(!CivilDate::parse("1900-02-29").has_value());
    BOOST_TEST(CivilDate::parse("2000-02-29").has_value());
    BOOST_TEST(!CivilDate::parse("2024-2-29").has_value());
    BOOST_TEST(!CivilDate::parse("2024/02/29").has_value());
    BOOST_TEST(!CivilDate::parse("2024-04-31").has_value());
    BOOST_TEST(!CivilDate::parse("").has_value());
    BOOST_TEST(CivilDate::parse("2024-09-01")->to_string() == "2024-09-01");
}

BOOST_AUTO_TEST_CASE(age_counts_whole_years_turning_on_the_birthday) {
    CivilDate birth{2004, 9, 1};
    BOOST_TEST(birth.years_until({2024, 8, 31}) == 19);
    BOOST_TEST(birth.years_until({2024, 9, 1}) == 20);
    CivilDate leap{2008, 2, 29};
    BOOST_TEST(leap.years_until({2024, 2, 28}) == 15);
    BOOST_TEST(leap.years_until({2024, 2, 29}) == 16);
    BOOST_TEST(leap.years_until({2025, 2, 28}) == 16);
    BOOST_TEST(leap.years_until({2025, 3, 1}) == 17);
}

BOOST_AUTO_TEST_CASE(day_numbers_round_trip) {
    for (long long d = -30000; d < 30000; d += 37) {
        auto date = CivilDate::from_days_since_epoch(d);
        BOOST_TEST(date.days_since_epoch() == d);
    }
    BOOST_TEST(CivilDate({1970, 1, 1}).days_since_epoch() == 0);
}

BOOST_AUTO_TEST_SUITE_END()
