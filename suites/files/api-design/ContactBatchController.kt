package com.acme.crm.api

import com.acme.crm.auth.Account
import com.acme.crm.contacts.Contact
import com.acme.crm.contacts.ContactInput
import com.acme.crm.contacts.ContactRepository
import com.acme.crm.contacts.ContactValidator
import com.acme.crm.contacts.DuplicateEmailException
import org.springframework.http.HttpStatus
import org.springframework.http.ResponseEntity
import org.springframework.security.core.annotation.AuthenticationPrincipal
import org.springframework.stereotype.Service
import org.springframework.transaction.annotation.Transactional
import org.springframework.web.bind.annotation.PostMapping
import org.springframework.web.bind.annotation.RequestBody
import org.springframework.web.bind.annotation.RequestMapping
import org.springframework.web.bind.annotation.RestController

@RestController
@RequestMapping("/v1/contacts")
class ContactBatchController(
    private val contactService: ContactService,
) {
    data class BatchCreateRequest(val contacts: List<ContactInput>)
    data class BatchCreateResponse(val created: Int)

    @PostMapping("/batch")
    fun createBatch(
        @AuthenticationPrincipal account: Account,
        @RequestBody request: BatchCreateRequest,
    ): ResponseEntity<Any> {
        var created = 0
        for ((index, input) in request.contacts.withIndex()) {
            val problems = ContactValidator.validate(input)
            if (problems.isNotEmpty()) {
                return ResponseEntity.badRequest().body(
                    mapOf("error" to "Invalid contact at index $index: ${problems.joinToString()}"),
                )
            }
            try {
                contactService.create(account.id, input)
            } catch (e: DuplicateEmailException) {
                return ResponseEntity.status(HttpStatus.CONFLICT).body(
                    mapOf("error" to "Contact with email ${input.email} already exists"),
                )
            }
            created++
        }
        return ResponseEntity.ok(BatchCreateResponse(created))
    }
}

@Service
class ContactService(
    private val contacts: ContactRepository,
) {
    @Transactional
    fun create(accountId: String, input: ContactInput): Contact {
        if (contacts.existsByAccountIdAndEmailIgnoreCase(accountId, input.email)) {
            throw DuplicateEmailException(input.email)
        }
        return contacts.save(Contact.from(accountId, input))
    }
}
