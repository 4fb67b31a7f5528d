#define BOOST_TEST_MODULE gongji_cli
#include <boost/test/unit_test.hpp>
