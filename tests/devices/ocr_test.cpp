// Pins the OCR cross-check's reading: the ID number read back from synthetic ID-card scans the
// test renders (known number, Chinese labels), also from a narrow scan, and nothing is invented
// when the number is not there.
#include <boost/test/unit_test.hpp>

#include <fstream>

#include "devices/document_file.h"
#include "devices/ocr.h"
#include "samples.h"

using namespace gongji;

BOOST_AUTO_TEST_CASE(the_id_number_is_read_back_from_a_card) {
    struct Card { const char* name; const char* number; int width; };
    const Card cards[] = {
        {"张伟", "450802196503120117", 856},
        {"李秀英", "45080219851201012X", 856},
        {"王桂兰", "450821194001150121", 600},  // a narrow scan, scaled up before reading
    };
    for (const auto& c : cards) {
        BOOST_TEST_CONTEXT(c.number) {
            auto reading = devices::read_id_card(test::sample_id_card(c.name, c.number, c.width));
            BOOST_TEST(reading.id_number.value_or("(none: " + reading.number_text + ")") == c.number);
        }
    }
}

BOOST_AUTO_TEST_CASE(a_card_without_a_valid_number_yields_none) {
    auto reading = devices::read_id_card(test::sample_id_card("张伟", "450802196503120118", 856));  // wrong check
    BOOST_TEST(!reading.id_number.has_value(), reading.id_number.value_or(""));
    BOOST_CHECK_THROW(devices::read_id_card(test::sample_pdf(1)), devices::CaptureError);
}
