# Writes OUT: a C++ file defining `const char* const NAME` holding the text of
# IN, so the binary carries a data file (a codelist) and reads none at run time.
file(READ ${IN} text)
set(body "// Generated from ${IN} by embed_text.cmake.\nnamespace connex {\n")
string(APPEND body "extern const char* const ${NAME};\nconst char* const ${NAME} = R\"connextext(${text})connextext\";\n}\n")
file(WRITE ${OUT}.tmp "${body}")
file(COPY_FILE ${OUT}.tmp ${OUT} ONLY_IF_DIFFERENT)
