# CPack's post-build step (CPACK_POST_BUILD_SCRIPTS): mends each debugging-symbols package.
foreach(file IN LISTS CPACK_PACKAGE_FILES)
  if(file MATCHES "\\.ddeb$")
    execute_process(COMMAND "${CMAKE_CURRENT_LIST_DIR}/repack-dbgsym.sh" "${file}" RESULT_VARIABLE failed)
    if(failed)
      message(FATAL_ERROR "cannot mend ${file}")
    endif()
  endif()
endforeach()
