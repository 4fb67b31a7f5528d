// Pins GB 11643-1999 handling: check characters, 15→18 upgrade, birth dates, gender, address
// codes, and the error or warning each bad input gets.
#include <boost/test/unit_test.hpp>

#include "core/id_number.h"
#include "core/region_table.h"

using namespace gongji::core;

namespace {
const CivilDate kToday{2026, 11, 22};

RegionTable small_table() {
    RegionTable t;
    t.add({"450802", "港北区", RegionLevel::county});
    t.add({"110105", "朝阳区", RegionLevel::county});
    t.add({"440524", "潮阳县", RegionLevel::county});
    return t;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(id_number)

BOOST_AUTO_TEST_CASE(check_character_matches_the_standard_examples) {
    // Examples published with GB 11643-1999 and in common use.
    BOOST_TEST(id_check_character("11010519491231002") == 'X');
    BOOST_TEST(id_check_character("44052418800101001") == '4');
    BOOST_TEST(id_check_character("45080219590721049") == '9');
}

BOOST_AUTO_TEST_CASE(valid_numbers_yield_birth_date_gender_and_region) {
    struct Case { const char* input; const char* normalized; const char* birth; Gender gender; const char* region; };
    const Case cases[] = {
        {"11010519491231002X", "11010519491231002X", "1949-12-31", Gender::female, "110105"},
        {"11010519491231002x", "11010519491231002X", "1949-12-31", Gender::female, "110105"},
        {"440524188001010014", "440524188001010014", "1880-01-01", Gender::male, "440524"},
        {" 450802195907210499 ", "450802195907210499", "1959-07-21", Gender::male, "450802"},
        {"450802202611220017", "450802202611220017", "2026-11-22", Gender::male, "450802"},  // born today
    };
    auto regions = small_table();
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT("input " << c.input) {
            auto r = check_id_number(c.input, kToday, &regions);
            BOOST_TEST(r.valid);
            BOOST_TEST(r.errors.empty());
            BOOST_TEST(r.normalized == c.normalized);
            BOOST_TEST(r.birth_date->to_string() == c.birth);
            BOOST_TEST((r.gender == c.gender));
            BOOST_TEST(r.region == c.region);
            BOOST_TEST(r.warnings.empty());
        }
    }
}

BOOST_AUTO_TEST_CASE(legacy_15_digit_numbers_are_upgraded_with_a_warning) {
    auto r = check_id_number("450802590721049", kToday);
    BOOST_TEST(r.valid);
    BOOST_TEST(r.normalized == "450802195907210499");
    BOOST_TEST(r.birth_date->to_string() == "1959-07-21");
    BOOST_TEST((r.gender == Gender::male));
    BOOST_REQUIRE(r.warnings.size() == 1u);
    BOOST_TEST(r.warnings[0].code == "upgraded");
}

BOOST_AUTO_TEST_CASE(invalid_numbers_get_a_coded_error) {
    struct Case { const char* input; const char* code; };
    const Case cases[] = {
        {"", "empty"},
        {"   ", "empty"},
        {"4508021959072104", "length"},            // 16 characters
        {"4508021959072104991", "length"},         // 19 characters
        {"45080219590721049A", "format"},          // check character not a digit or X
        {"4508021959O721049X", "format"},          // a letter O among the digits
        {"45080259072104X", "format"},             // 15 characters must be digits
        {"450802195907210492", "check_character"}, // wrong check character
        {"450802195902300495", "birth_date"},      // 30 February
        {"450802195913010493", "birth_date"},      // month 13
        {"450802203001010017", "birth_date_future"},
        {"000000195907210499", "region"},
        // Not a province (domain.md §3, corrected 2026-12): the number is invalid, not a warning.
        {"160102198001010016", "region"},
        {"200102198001010019", "region"},
        {"720102198001010010", "region"},
        {"840102198001010018", "region"},
        {"990102198001010010", "region"},
    };
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT("input \"" << c.input << "\"") {
            auto r = check_id_number(c.input, kToday);
            BOOST_TEST(!r.valid);
            BOOST_REQUIRE(!r.errors.empty());
            bool found = false;
            for (const auto& e : r.errors) found = found || e.code == c.code;
            BOOST_TEST(found, "expected error " << c.code << ", first was " << r.errors[0].code);
            BOOST_TEST(!r.errors[0].message.empty());
        }
    }
}

// The edges of the province list: 11, 71 (Taiwan), 82 (Macao) are provinces.
BOOST_AUTO_TEST_CASE(every_real_province_prefix_is_valid) {
    for (const char* id : {"110102198001010017", "710102198001010019", "820102198001010014"})
        BOOST_TEST(check_id_number(id, kToday).valid, id);
}

BOOST_AUTO_TEST_CASE(a_wrong_check_character_names_the_expected_one) {
    auto r = check_id_number("450802195907210492", kToday);
    BOOST_REQUIRE(r.errors.size() == 1u);
    BOOST_TEST(r.errors[0].message.find("应为9") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(an_unknown_address_code_is_a_warning_not_an_error) {
    auto regions = small_table();
    // 459901 is no division of Guangxi (a real province); the number is otherwise valid. An
    // unknown province is an error (above).
    std::string first17 = "45990119800101001";
    std::string number = first17 + id_check_character(first17);
    auto r = check_id_number(number, kToday, &regions);
    BOOST_TEST(r.valid);
    BOOST_REQUIRE(r.warnings.size() == 1u);
    BOOST_TEST(r.warnings[0].code == "region_unknown");
    // Without a table nothing is known or unknown.
    BOOST_TEST(check_id_number(number, kToday).warnings.empty());
}

BOOST_AUTO_TEST_CASE(the_fast_path_agrees_with_the_full_check) {
    const char* inputs[] = {"11010519491231002X", "11010519491231002x", "450802590721049",
                            "450802195907210492", "450802195902300495", "450802203001010017",
                            "4508021959072104", "000000195907210499"};
    for (const char* input : inputs) {
        BOOST_TEST_CONTEXT(input) {
            std::string normalized;
            bool fast = normalize_id_number(input, kToday, normalized);
            auto full = check_id_number(input, kToday);
            BOOST_TEST(fast == full.valid);
            if (fast) BOOST_TEST(normalized == full.normalized);
        }
    }
}

BOOST_AUTO_TEST_CASE(input_is_forgiving_as_pasted_scanned_or_typed_in_full_width) {
    // domain.md §3: a spreadsheet cell's line end, a barcode scanner's Enter, an input method's
    // full-width digits and ideographic space all reach the same number.
    const char* inputs[] = {
        "11010519491231002X\r\n",
        "\t11010519491231002X\n",
        "\xE3\x80\x80" "11010519491231002x" "\xE3\x80\x80",
        "\xEF\xBC\x91\xEF\xBC\x91\xEF\xBC\x90\xEF\xBC\x91\xEF\xBC\x90\xEF\xBC\x95"
        "19491231002\xEF\xBC\xB8",  // １１０１０５… Ｘ
        "11010519491231002\xEF\xBD\x98",  // ｘ
        "110105 1949 1231 002X",            // grouped as on paper
    };
    for (const char* input : inputs) {
        BOOST_TEST_INFO("input " << input);
        auto r = check_id_number(input, kToday);
        BOOST_TEST(r.valid);
        BOOST_TEST(r.normalized == "11010519491231002X");
    }
}

BOOST_AUTO_TEST_CASE(length_messages_count_characters_not_bytes) {
    // Seventeen full-width digits are 51 bytes but 17 characters.
    std::string typed;
    for (int i = 0; i < 17; ++i) typed += "\xEF\xBC\x91";
    auto r = check_id_number(typed, kToday);
    BOOST_TEST(!r.valid);
    BOOST_TEST(r.errors.front().code == "length");
    BOOST_TEST(r.errors.front().message.find("实际为17个字符") != std::string::npos);
    auto chinese = check_id_number("身份证", kToday);
    BOOST_TEST(chinese.errors.front().message.find("实际为3个字符") != std::string::npos);
    BOOST_TEST(id_input(" 4508 ") == "4508");
    BOOST_TEST(character_count("张伟12") == 4u);
}

BOOST_AUTO_TEST_CASE(a_scanned_ecert_token_is_told_apart_from_an_id_number) {
    // What a scanner types from a 医保电子凭证 QR code: a long opaque token, then Enter.
    BOOST_TEST(looks_like_ecert_token(id_input("NHSA3F9A27C41E8B0D6a5f0c9e2b7d41aa\r\n")));
    BOOST_TEST(looks_like_ecert_token("A1B2C3D4E5F6G7H8I9J0K1L2"));
    BOOST_TEST(!looks_like_ecert_token("11010519491231002X"));        // an ID number
    BOOST_TEST(!looks_like_ecert_token("11010519491231002X11"));      // one typed with extra keys
    BOOST_TEST(!looks_like_ecert_token("身份证号码身份证号码身份证号码身份证号码"));  // not ASCII
    BOOST_TEST(!looks_like_ecert_token("A1B2C3D4E5F6 G7H8I9J0K1L2M3"));  // words, not a token
}

BOOST_AUTO_TEST_SUITE_END()
