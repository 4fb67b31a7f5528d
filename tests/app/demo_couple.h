#pragma once
// The demo roster's 张伟 and his wife 李秀英, and the application that binds them (guangxi,
// spouse, ID card and marriage certificate): what most workflow tests submit.
#include <string>

#include "app/cases/case_service.h"

namespace gongji::test {

inline const std::string kZhangWei = "450802196503120117", kLiXiuying = "450802196708200129";

inline app::BindApplication wife() {
    app::BindApplication a;
    a.policy = "guangxi";
    a.authorizer_id = kZhangWei;
    a.user_id = kLiXiuying;
    a.relation = "12";
    a.documents = {core::DocumentType::id_card, core::DocumentType::marriage_certificate};
    return a;
}

}  // namespace gongji::test
