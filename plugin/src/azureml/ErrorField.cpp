#include "azureml/ErrorField.h"

namespace aifoundry::azureml {

ErrorField ErrorField::read(JsonView error) {
  ErrorField out;
  if (!error.isObject()) {
    out.message = nonEmptyTextOf(error);
    return out;
  }
  if (const auto inner = error.member("error"); inner && inner->isObject()) {
    out.code = nonEmptyTextOf(inner->member("code"));
    out.message = nonEmptyTextOf(inner->member("message"));
  }
  if (!out.code) out.code = nonEmptyTextOf(error.member("code"));
  if (!out.message) out.message = nonEmptyTextOf(error.member("message"));
  return out;
}

}  // namespace aifoundry::azureml
