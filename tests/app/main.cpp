#define BOOST_TEST_MODULE gongji_app
#include <boost/test/unit_test.hpp>
