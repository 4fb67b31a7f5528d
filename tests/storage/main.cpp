#define BOOST_TEST_MODULE gongji_storage
#include <boost/test/unit_test.hpp>
