#include "store/lookup_limiter_store.hpp"

#include "store/meta.hpp"

namespace kiosk::store {

std::optional<std::string> LookupLimiterStore::load() const {
  return Meta(m_db).get(k_meta_key);
}

void LookupLimiterStore::save(std::string_view state) {
  Meta(m_db).set(k_meta_key, state);
}

}  // namespace kiosk::store
