#define BOOST_TEST_MODULE gongji_core
#include <boost/test/unit_test.hpp>
